import Foundation
import RegistryClient
import TerminalUI

/// Findings in every output format of `scan show`: table, JSON, CSV, SARIF 2.1.0 and Markdown.
struct FindingsReport {
    var title: String
    var report: ScanReport
    /// The findings shown.
    var findings: [TriagedFinding]
    /// Every finding of the report, for the counts.
    var all: [TriagedFinding]

    /// The shared columns of table, JSON and CSV (the JSON keys of the CLI contract).
    var records: RecordSet {
        var records = RecordSet(columns: [
            .init(key: "id", header: "ID"), .init(key: "severity", header: "SEVERITY"),
            .init(key: "sourceSeverity", header: "SOURCE", inTable: false),
            .init(key: "package", header: "PACKAGE"), .init(key: "installedVersion", header: "INSTALLED"),
            .init(key: "fixedVersion", header: "FIXED"),
            .init(key: "cvss", header: "CVSS", alignRight: true),
            .init(key: "suppressed", header: "SUPPRESSED", inTable: false),
            .init(key: "title", header: "TITLE"),
        ])
        records.rows = findings.map { entry in
            let finding = entry.finding
            let severity: String
            switch entry.state {
            case .open: severity = finding.severity.description
            case .suppressed: severity = finding.severity.description + " (suppressed)"
            case .expired: severity = finding.severity.description + " (suppression expired)"
            }
            return [
                .text(finding.vulnerability), .text(severity), .text(finding.sourceSeverity), .text(finding.package),
                .text(finding.installedVersion),
                .text(finding.fixedVersion), .decimal(finding.cvssScore), .flag(entry.isSuppressed),
                .text(finding.title),
            ]
        }
        return records
    }

    /// The counts line: `4 findings: 1 critical, 3 medium · 2 suppressed · 1 suppression expired`.
    var summary: String {
        let open = all.filter { !$0.isSuppressed }
        let counts = Severity.worstFirst.compactMap { severity -> String? in
            let count = open.filter { $0.finding.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity)"
        }
        var text = "\(open.count) finding(s)" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))
        let suppressed = all.count - open.count
        if suppressed > 0 { text += " · \(suppressed) suppressed" }
        let expired = all.filter { if case .expired = $0.state { true } else { false } }.count
        if expired > 0 { text += " · \(expired) suppression(s) expired" }
        return text
    }

    func print(as format: ScanOutputFormat) throws {
        switch format {
        case .table:
            Swift.print(records.tableText(), terminator: "")
            Swift.print(
                Sanitizer.clean(
                    "\(title) — \(report.scanner)\(report.scannerVersion.map { " \($0)" } ?? ""): \(summary)"))
        case .json: records.print(as: OutputFormat.json)
        case .csv: Swift.print(records.csvText(), terminator: "")
        case .sarif: sarif().print()
        case .markdown: Swift.print(markdown, terminator: "")
        }
    }

    /// SARIF 2.1.0 with one rule per vulnerability and the severity word as a rule tag (as Trivy does).
    func sarif() -> JSONValue {
        var rules: [String: JSONValue] = [:]
        for entry in findings where rules[entry.finding.vulnerability] == nil {
            let finding = entry.finding
            var properties: [(String, JSONValue)] = [
                (
                    "tags",
                    .array(
                        ["vulnerability", "security", finding.severity.description.uppercased()].map(JSONValue.string))
                )
            ]
            if let score = finding.cvssScore {
                properties.append(("security-severity", .string(String(format: "%.1f", score))))
            }
            var rule: [(String, JSONValue)] = [
                ("id", .string(finding.vulnerability)), ("name", .string("Vulnerability")),
                ("shortDescription", .object([("text", .string(finding.title ?? finding.vulnerability))])),
                (
                    "fullDescription",
                    .object([("text", .string(finding.description ?? finding.title ?? finding.vulnerability))])
                ),
            ]
            if let link = finding.links.first { rule.append(("helpUri", .string(link))) }
            rule.append(("properties", .object(properties)))
            rules[finding.vulnerability] = .object(rule)
        }
        let ruleIDs = rules.keys.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let results: [JSONValue] = findings.map { entry in
            let finding = entry.finding
            let message =
                "Package: \(finding.package)\nInstalled Version: \(finding.installedVersion)\nVulnerability \(finding.vulnerability)\n"
                + "Severity: \(finding.severity.description.uppercased())\nFixed Version: \(finding.fixedVersion ?? "")"
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(finding.vulnerability)),
                ("ruleIndex", .number(Int64(ruleIndex[finding.vulnerability] ?? 0))),
                ("level", .string(Self.level(finding.severity))), ("message", .object([("text", .string(message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([("artifactLocation", .object([("uri", .string(report.artifact ?? title))]))])
                            ),
                            ("message", .object([("text", .string("\(finding.package)@\(finding.installedVersion)"))])),
                        ])
                    ])
                ),
            ]
            if case .suppressed(let suppression) = entry.state {
                result.append(
                    (
                        "suppressions",
                        .array([
                            .object([
                                ("kind", "external"), ("status", "accepted"),
                                ("justification", .string(suppression.reason)),
                            ])
                        ])
                    ))
            }
            return .object(result)
        }
        let driver: JSONValue = .object([("name", "regconsole"), ("rules", .array(ruleIDs.map { rules[$0]! }))])
        return .object([
            ("version", "2.1.0"), ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array(results))])])),
        ])
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .negligible, .unknown: "note"
        }
    }

    /// A Markdown summary and table (`|` in cells escaped).
    var markdown: String {
        func cell(_ text: String?) -> String { Sanitizer.clean(text ?? "").replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "# Vulnerabilities in \(cell(title))", "", "\(cell(report.scanner)) · \(cell(summary))", "",
            "| Severity | ID | Package | Installed | Fixed | CVSS | Title |", "|---|---|---|---|---|---|---|",
        ]
        for entry in findings {
            let finding = entry.finding
            let severity = finding.severity.description + (entry.isSuppressed ? " (suppressed)" : "")
            lines.append(
                "| \(severity) | \(cell(finding.vulnerability)) | \(cell(finding.package)) | \(cell(finding.installedVersion)) | \(cell(finding.fixedVersion)) | \(finding.cvssScore.map { String(format: "%.1f", $0) } ?? "") | \(cell(finding.title)) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
