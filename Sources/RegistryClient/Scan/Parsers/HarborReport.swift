import Foundation

/// Harbor's vulnerability report (`…/additions/vulnerabilities`): an object keyed by the report's
/// MIME type, or the report itself (`generated_at`, `scanner`, `vulnerabilities`).
struct HarborReport: Decodable {
    struct Scanner: Decodable {
        var name: String?
        var version: String?
    }
    struct CVSS: Decodable {
        var score_v3: Double?
        var vector_v3: String?
        var score_v2: Double?
        var vector_v2: String?
    }
    struct Vulnerability: Decodable {
        var id: String
        var package: String
        var version: String?
        var fix_version: String?
        var severity: String?
        var description: String?
        var links: [String]?
        var preferred_cvss: CVSS?
    }

    var generated_at: String?
    var scanner: Scanner?
    var vulnerabilities: [Vulnerability]

    /// The report in the common model.
    func report() -> ScanReport {
        let findings = vulnerabilities.map { item in
            Finding(
                vulnerability: item.id, severity: Severity(word: item.severity ?? ""),
                sourceSeverity: item.severity ?? "",
                package: item.package, installedVersion: item.version ?? "", fixedVersion: item.fix_version,
                description: item.description,
                cvssScore: item.preferred_cvss?.score_v3 ?? item.preferred_cvss?.score_v2,
                cvssVector: item.preferred_cvss?.vector_v3 ?? item.preferred_cvss?.vector_v2, links: item.links ?? [])
        }
        return ScanReport(
            format: .harbor, scanner: scanner?.name ?? "Harbor", scannerVersion: scanner?.version,
            scannedAt: generated_at.flatMap(RFC3339.parse), findings: findings)
    }
}
