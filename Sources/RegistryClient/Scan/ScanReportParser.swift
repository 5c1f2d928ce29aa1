import Foundation

/// Reads a scan report in any supported format, recognized by its content.
public enum ScanReportParser {
    private struct Probe: Decodable {
        var SchemaVersion: Int?
        var matches: [EmptyDecodable]?
        var runs: [EmptyDecodable]?
        var bomFormat: String?
        var vulnerabilities: [EmptyDecodable]?
        var scanner: EmptyDecodable?
    }

    private struct EmptyDecodable: Decodable {}

    /// Parses `data`.
    /// - Parameter source: the file name or referrer, for error messages.
    /// - Throws: `ScanReportError` naming the source, the JSON path and the problem.
    public static func parse(_ data: Data, source: String) throws -> ScanReport {
        guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else {
            throw ScanReportError(source: source, message: ReportDecoding.syntaxProblem(data))
        }
        let probe = try? JSONDecoder().decode(Probe.self, from: data)
        if probe?.SchemaVersion != nil {
            return try ReportDecoding.decode(TrivyReport.self, from: data, source: source).report(source: source)
        }
        if probe?.matches != nil {
            return try ReportDecoding.decode(GrypeReport.self, from: data, source: source).report(source: source)
        }
        if probe?.runs != nil {
            return try ReportDecoding.decode(SARIFReport.self, from: data, source: source).report(source: source)
        }
        if probe?.bomFormat != nil {
            return try ReportDecoding.decode(CycloneDXReport.self, from: data, source: source).report(source: source)
        }
        if probe?.vulnerabilities != nil || isHarborEnvelope(data) {
            return try HarborReport.decode(data, source: source).report()
        }
        throw ScanReportError(source: source, message: "not a scan report regconsole reads (Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX, Harbor)")
    }

    private static func isHarborEnvelope(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object.count == 1 else { return false }
        return object.keys.first?.contains("vuln") == true || object.keys.first?.contains("vulnerability") == true
    }
}
