import Foundation

/// Reads a scan report in any supported format, recognized by its content.
public enum ScanReportParser {
    /// The report, decoded as the format its top-level keys name, in one pass over the JSON.
    private enum Detected: Decodable {
        case trivy(TrivyReport), grype(GrypeReport), sarif(SARIFReport), cyclonedx(CycloneDXReport), harbor(HarborReport)
        case unrecognized

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let keys = Set(container.allKeys.map(\.stringValue))
            if keys.contains("SchemaVersion") {
                self = .trivy(try TrivyReport(from: decoder))
            } else if keys.contains("matches") {
                self = .grype(try GrypeReport(from: decoder))
            } else if keys.contains("runs") {
                self = .sarif(try SARIFReport(from: decoder))
            } else if keys.contains("bomFormat") {
                self = .cyclonedx(try CycloneDXReport(from: decoder))
            } else if keys.contains("vulnerabilities") {
                self = .harbor(try HarborReport(from: decoder))
            } else if keys.count == 1, let key = container.allKeys.first, key.stringValue.contains("vuln") {
                // Harbor's API wraps the report in an object keyed by the report's MIME type.
                self = .harbor(try container.decode(HarborReport.self, forKey: key))
            } else {
                self = .unrecognized
            }
        }
    }

    /// Parses `data`.
    /// - Parameter source: the file name or referrer, for error messages.
    /// - Throws: `ScanReportError` naming the source, the JSON path and the problem.
    public static func parse(_ data: Data, source: String) throws -> ScanReport {
        let detected: Detected
        do {
            detected = try ReportDecoding.decode(Detected.self, from: data, source: source)
        } catch let error as ScanReportError where error.path == nil || error.path == "$" {
            // A document that is not an object is JSON, just not a report.
            guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else { throw error }
            detected = .unrecognized
        }
        switch detected {
        case .trivy(let report): return try report.report(source: source)
        case .grype(let report): return report.report(source: source)
        case .sarif(let report): return try report.report(source: source)
        case .cyclonedx(let report): return try report.report(source: source)
        case .harbor(let report): return report.report()
        case .unrecognized:
            throw ScanReportError(source: source, message: "not a scan report regconsole reads (Trivy JSON, Grype JSON, SARIF 2.1.0, CycloneDX, Harbor)")
        }
    }
}
