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
            .init(key: "id", header: "ID"), .init(key: "severity", header: "SEVERITY"), .init(key: "sourceSeverity", header: "SOURCE", inTable: false),
            .init(key: "package", header: "PACKAGE"), .init(key: "installedVersion", header: "INSTALLED"), .init(key: "fixedVersion", header: "FIXED"),
            .init(key: "cvss", header: "CVSS", alignRight: true), .init(key: "suppressed", header: "SUPPRESSED", inTable: false),
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
                .text(finding.vulnerability), .text(severity), .text(finding.sourceSeverity), .text(finding.package), .text(finding.installedVersion),
                .text(finding.fixedVersion), .decimal(finding.cvssScore), .flag(entry.isSuppressed), .text(finding.title),
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
            Swift.print(Sanitizer.clean("\(title) — \(report.scanner)\(report.scannerVersion.map { " \($0)" } ?? ""): \(summary)"))
        case .json: Swift.print(records.json.serialized())
        case .csv: Swift.print(records.csvText(), terminator: "")
        case .sarif: Swift.print(try sarif())
        case .markdown: Swift.print(markdown, terminator: "")
        }
    }

    /// SARIF 2.1.0 with one rule per vulnerability and the severity word as a rule tag (as Trivy does).
    func sarif() throws -> String {
        let visible = findings.map(\.finding)
        var rules: [String: Any] = [:]
        for finding in visible where rules[finding.vulnerability] == nil {
            var properties: [String: Any] = ["tags": ["vulnerability", "security", finding.severity.description.uppercased()]]
            if let score = finding.cvssScore { properties["security-severity"] = String(format: "%.1f", score) }
            var rule: [String: Any] = [
                "id": Sanitizer.clean(finding.vulnerability), "name": "Vulnerability",
                "shortDescription": ["text": Sanitizer.clean(finding.title ?? finding.vulnerability)],
                "fullDescription": ["text": Sanitizer.clean(finding.description ?? finding.title ?? finding.vulnerability, keepingLineBreaks: true)],
                "properties": properties,
            ]
            if let link = finding.links.first { rule["helpUri"] = Sanitizer.clean(link) }
            rules[finding.vulnerability] = rule
        }
        let ruleIDs = rules.keys.sorted()
        let results: [[String: Any]] = findings.map { entry in
            let finding = entry.finding
            var result: [String: Any] = [
                "ruleId": Sanitizer.clean(finding.vulnerability), "ruleIndex": ruleIDs.firstIndex(of: finding.vulnerability) ?? 0,
                "level": Self.level(finding.severity),
                "message": ["text": Sanitizer.clean("Package: \(finding.package)\nInstalled Version: \(finding.installedVersion)\nVulnerability \(finding.vulnerability)\nSeverity: \(finding.severity.description.uppercased())\nFixed Version: \(finding.fixedVersion ?? "")", keepingLineBreaks: true)],
                "locations": [["physicalLocation": ["artifactLocation": ["uri": Sanitizer.clean(report.artifact ?? title)]], "message": ["text": Sanitizer.clean("\(finding.package)@\(finding.installedVersion)")]]],
            ]
            if case .suppressed(let suppression) = entry.state {
                result["suppressions"] = [["kind": "external", "status": "accepted", "justification": Sanitizer.clean(suppression.reason)]]
            }
            return result
        }
        let document: [String: Any] = [
            "version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [["tool": ["driver": ["name": "regconsole", "informationUri": "https://github.com/", "rules": ruleIDs.map { rules[$0]! }]], "results": results]],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
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
        var lines = ["# Vulnerabilities in \(cell(title))", "", "\(cell(report.scanner)) · \(cell(summary))", "",
                     "| Severity | ID | Package | Installed | Fixed | CVSS | Title |", "|---|---|---|---|---|---|---|"]
        for entry in findings {
            let finding = entry.finding
            let severity = finding.severity.description + (entry.isSuppressed ? " (suppressed)" : "")
            lines.append("| \(severity) | \(cell(finding.vulnerability)) | \(cell(finding.package)) | \(cell(finding.installedVersion)) | \(cell(finding.fixedVersion)) | \(finding.cvssScore.map { String(format: "%.1f", $0) } ?? "") | \(cell(finding.title)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
