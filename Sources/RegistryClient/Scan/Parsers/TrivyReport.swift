import Foundation

/// Trivy's JSON report (`trivy image -f json`, `SchemaVersion` 2).
struct TrivyReport: Decodable {
    struct ScannerInfo: Decodable { var Version: String? }
    struct Result: Decodable {
        var Target: String?
        var Class: String?
        var Vulnerabilities: [Vulnerability]?
    }
    struct Layer: Decodable { var Digest: String? }
    struct Score: Decodable {
        var V3Vector: String?
        var V3Score: Double?
        var V40Vector: String?
        var V40Score: Double?
        var V2Vector: String?
        var V2Score: Double?
    }
    struct Vulnerability: Decodable {
        var VulnerabilityID: String
        var VendorIDs: [String]?
        var PkgName: String
        var InstalledVersion: String?
        var FixedVersion: String?
        var Layer: Layer?
        var SeveritySource: String?
        var PrimaryURL: String?
        var Title: String?
        var Description: String?
        var Severity: String
        var CVSS: [String: Score]?
        var References: [String]?
    }

    var SchemaVersion: Int
    var CreatedAt: String?
    var ArtifactName: String?
    var Trivy: ScannerInfo?
    var Results: [Result]?

    func report(source: String) throws -> ScanReport {
        try Self.check(schemaVersion: SchemaVersion, source: source)
        let findings = (Results ?? []).flatMap { result in
            (result.Vulnerabilities ?? []).map { Self.finding($0, target: result.Target) }
        }
        return Self.report(scannerVersion: Trivy?.Version, createdAt: CreatedAt, artifactName: ArtifactName, findings)
    }

    /// Refuses a schema version other than 2.
    static func check(schemaVersion: Int, source: String) throws {
        guard schemaVersion == 2 else {
            throw ScanReportError(
                source: source, path: "$.SchemaVersion",
                message: "Trivy schema version \(schemaVersion) is not supported (expected 2)")
        }
    }

    /// The normalized report of a Trivy report's fields.
    static func report(
        scannerVersion: String?, createdAt: String?, artifactName: String?, _ findings: [Finding]
    )
        -> ScanReport
    {
        ScanReport(
            format: .trivy, scanner: "Trivy", scannerVersion: scannerVersion,
            scannedAt: createdAt.flatMap(RFC3339.parse), artifact: artifactName, findings: findings)
    }

    /// The finding `vulnerability` makes, found in `target`.
    static func finding(_ vulnerability: Vulnerability, target: String?) -> Finding {
        let score = preferredScore(vulnerability)
        return Finding(
            vulnerability: vulnerability.VulnerabilityID, aliases: vulnerability.VendorIDs ?? [],
            severity: Severity(word: vulnerability.Severity), sourceSeverity: vulnerability.Severity,
            package: vulnerability.PkgName, installedVersion: vulnerability.InstalledVersion ?? "",
            fixedVersion: vulnerability.FixedVersion, title: vulnerability.Title,
            description: vulnerability.Description,
            cvssScore: score?.0, cvssVector: score?.1,
            links: ([vulnerability.PrimaryURL].compactMap { $0 } + (vulnerability.References ?? [])).uniqued(),
            layer: vulnerability.Layer?.Digest, target: target)
    }

    /// The CVSS score of the severity source, else NVD, else the highest v3/v4 score.
    private static func preferredScore(_ vulnerability: Vulnerability) -> (Double, String?)? {
        guard let scores = vulnerability.CVSS, !scores.isEmpty else { return nil }
        func pick(_ score: Score) -> (Double, String?)? {
            if let value = score.V40Score { return (value, score.V40Vector) }
            if let value = score.V3Score { return (value, score.V3Vector) }
            if let value = score.V2Score { return (value, score.V2Vector) }
            return nil
        }
        for source in [vulnerability.SeveritySource, "nvd"].compactMap({ $0 }) {
            if let score = scores[source].flatMap(pick) { return score }
        }
        return scores.values.compactMap(pick).max { $0.0 < $1.0 }
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        // A finding's few links are compared directly; a set pays off only for longer lists.
        guard count > 8 else {
            return reduce(into: []) { kept, element in if !kept.contains(element) { kept.append(element) } }
        }
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
