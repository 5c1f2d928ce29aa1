import Foundation

/// Grype's JSON report (`grype -o json`).
struct GrypeReport: Decodable {
    struct CVSS: Decodable {
        struct Metrics: Decodable { var baseScore: Double? }
        var version: String?
        var vector: String?
        var metrics: Metrics?
    }
    struct Fix: Decodable {
        var versions: [String]?
        var state: String?
    }
    struct Vulnerability: Decodable {
        var id: String
        var severity: String?
        var urls: [String]?
        var description: String?
        var cvss: [CVSS]?
        var fix: Fix?
    }
    struct Related: Decodable {
        var id: String
        var description: String?
        var cvss: [CVSS]?
    }
    struct Location: Decodable {
        var path: String?
        var layerID: String?
    }
    struct Artifact: Decodable {
        var name: String
        var version: String?
        var locations: [Location]?
    }
    struct Match: Decodable {
        var vulnerability: Vulnerability
        var relatedVulnerabilities: [Related]?
        var artifact: Artifact
    }
    struct Descriptor: Decodable {
        var name: String?
        var version: String?
        var timestamp: String?
    }
    struct Source: Decodable {
        struct Target: Decodable { var userInput: String? }
        var target: Target?
    }

    var matches: [Match]
    var descriptor: Descriptor?
    var source: Source?

    func report(source origin: String) -> ScanReport {
        let findings = matches.map { match -> Finding in
            let vulnerability = match.vulnerability
            let related = match.relatedVulnerabilities ?? []
            let scores = (vulnerability.cvss ?? []) + related.flatMap { $0.cvss ?? [] }
            let best = scores.filter { $0.metrics?.baseScore != nil }.max {
                ($0.metrics?.baseScore ?? 0) < ($1.metrics?.baseScore ?? 0)
            }
            let fixed = vulnerability.fix?.state == "fixed" ? vulnerability.fix?.versions?.joined(separator: ", ") : nil
            let location = match.artifact.locations?.first
            return Finding(
                vulnerability: vulnerability.id, aliases: related.map(\.id).filter { $0 != vulnerability.id },
                severity: Severity(word: vulnerability.severity ?? ""), sourceSeverity: vulnerability.severity ?? "",
                package: match.artifact.name, installedVersion: match.artifact.version ?? "", fixedVersion: fixed,
                description: vulnerability.description ?? related.first(where: { $0.description != nil })?.description,
                cvssScore: best?.metrics?.baseScore, cvssVector: best?.vector, links: vulnerability.urls ?? [],
                layer: location?.layerID, target: location?.path)
        }
        return ScanReport(
            format: .grype, scanner: descriptor?.name ?? "grype", scannerVersion: descriptor?.version,
            scannedAt: descriptor?.timestamp.flatMap(RFC3339.parse), artifact: source?.target?.userInput,
            findings: findings)
    }
}
