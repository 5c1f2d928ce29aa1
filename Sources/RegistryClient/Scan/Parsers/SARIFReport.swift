import Foundation

/// SARIF 2.1.0 as Trivy writes it: one result per finding, the rule carrying the title, the
/// description, the CVSS score and — as the third tag — the original severity word.
struct SARIFReport: Decodable {
    struct Text: Decodable { var text: String? }
    struct Properties: Decodable {
        var tags: [String]?
        var securitySeverity: LenientDouble?
        var cvssv3BaseScore: LenientDouble?
        var cvssv3Vector: String?

        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
            case cvssv3BaseScore = "cvssv3_baseScore"
            case cvssv3Vector = "cvssv3_vector"
        }
    }
    struct Rule: Decodable {
        var id: String
        var shortDescription: Text?
        var fullDescription: Text?
        var helpUri: String?
        var properties: Properties?
    }
    struct Driver: Decodable {
        var name: String?
        var version: String?
        var rules: [Rule]?
    }
    struct Tool: Decodable { var driver: Driver }
    struct Location: Decodable { var message: Text? }
    struct Result: Decodable {
        var ruleId: String?
        var ruleIndex: Int?
        var level: String?
        var message: Text?
        var locations: [Location]?
    }
    struct Run: Decodable {
        var tool: Tool
        var results: [Result]?
    }

    var version: String
    var runs: [Run]

    func report(source: String) throws -> ScanReport {
        guard version.hasPrefix("2.1") else {
            throw ScanReportError(
                source: source, path: "$.version", message: "SARIF \(version) is not supported (expected 2.1.0)")
        }
        var findings: [Finding] = []
        for (runIndex, run) in runs.enumerated() {
            let rules = run.tool.driver.rules ?? []
            for (resultIndex, result) in (run.results ?? []).enumerated() {
                let rule =
                    result.ruleIndex.flatMap { rules.indices.contains($0) ? rules[$0] : nil }
                    ?? rules.first { $0.id == result.ruleId }
                guard let id = result.ruleId ?? rule?.id else {
                    throw ScanReportError(
                        source: source, path: "$.runs[\(runIndex)].results[\(resultIndex)].ruleId",
                        message: "a result names no rule")
                }
                let fields = Self.fields(result.message?.text ?? "")
                let tagged = rule?.properties?.tags?.first { Severity(word: $0) != .unknown || $0 == "UNKNOWN" }
                let score = rule?.properties?.cvssv3BaseScore?.value ?? rule?.properties?.securitySeverity?.value
                let severity: Severity
                let word: String
                if let tagged {
                    (severity, word) = (Severity(word: tagged), tagged)
                } else if let level = result.level {
                    (severity, word) = (score.map(Severity.init(score:)) ?? Self.severity(level: level), level)
                } else {
                    (severity, word) = (.unknown, "")
                }
                findings.append(
                    Finding(
                        vulnerability: id, severity: severity, sourceSeverity: word,
                        package: fields["Package"] ?? Self.package(result.locations?.first?.message?.text) ?? "",
                        installedVersion: fields["Installed Version"] ?? "", fixedVersion: fields["Fixed Version"],
                        title: rule?.shortDescription?.text, description: rule?.fullDescription?.text, cvssScore: score,
                        cvssVector: rule?.properties?.cvssv3Vector, links: [rule?.helpUri].compactMap { $0 }))
            }
        }
        let driver = runs.first?.tool.driver
        return ScanReport(
            format: .sarif, scanner: driver?.name ?? "SARIF", scannerVersion: driver?.version, findings: findings)
    }

    /// `Key: value` lines of Trivy's result message.
    private static func fields(_ message: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in message.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(
                line[line.index(after: colon)...]
            ).trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// `target: pkg@version` → `pkg`.
    private static func package(_ text: String?) -> String? {
        guard let text, let colon = text.lastIndex(of: ":") else { return nil }
        let reference = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return reference.split(separator: "@").first.map(String.init)
    }

    private static func severity(level: String) -> Severity {
        switch level {
        case "error": .high
        case "warning": .medium
        case "note": .low
        default: .unknown
        }
    }
}
