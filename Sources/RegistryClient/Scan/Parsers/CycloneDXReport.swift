import Foundation

/// The `vulnerabilities` of a CycloneDX BOM (1.4 and later; Trivy writes 1.5–1.7). Each affected
/// component becomes one finding.
struct CycloneDXReport: Decodable {
    struct Component: Decodable {
        var bomRef: String?
        var name: String
        var version: String?
        var components: [Component]?

        enum CodingKeys: String, CodingKey {
            case bomRef = "bom-ref"
            case name, version, components
        }
    }
    struct Named: Decodable { var name: String? }
    struct Rating: Decodable {
        var source: Named?
        var score: Double?
        var severity: String?
        var method: String?
        var vector: String?
    }
    struct Reference: Decodable { var id: String? }
    struct Advisory: Decodable { var url: String? }
    struct Affect: Decodable { var ref: String }
    struct Vulnerability: Decodable {
        var id: String
        var source: Named?
        var references: [Reference]?
        var ratings: [Rating]?
        var description: String?
        var detail: String?
        var recommendation: String?
        var advisories: [Advisory]?
        var affects: [Affect]?
    }
    /// `metadata.tools`: an array (1.4) or an object with `components` (1.5+).
    struct Tools: Decodable {
        var entries: [Component] = []

        init(from decoder: any Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                while !array.isAtEnd {
                    if let tool = try? array.decode(Component.self) {
                        entries.append(tool)
                    } else {
                        _ = try? array.decode(Named.self)
                    }
                }
            } else {
                struct Modern: Decodable { var components: [Component]? }
                entries = (try Modern(from: decoder)).components ?? []
            }
        }
    }
    struct Metadata: Decodable {
        var timestamp: String?
        var tools: Tools?
        var component: Component?
    }

    var bomFormat: String
    var specVersion: String?
    var metadata: Metadata?
    var components: [Component]?
    var vulnerabilities: [Vulnerability]?

    func report(source: String) throws -> ScanReport {
        guard bomFormat == "CycloneDX" else {
            throw ScanReportError(source: source, path: "$.bomFormat", message: "'\(bomFormat)' is not CycloneDX")
        }
        var byReference: [String: Component] = [:]
        func index(_ list: [Component]) {
            for component in list {
                if let reference = component.bomRef { byReference[reference] = component }
                index(component.components ?? [])
            }
        }
        index(components ?? [])
        let findings = (vulnerabilities ?? []).flatMap { vulnerability -> [Finding] in
            let ratings = vulnerability.ratings ?? []
            let own = ratings.first { $0.source?.name == vulnerability.source?.name && $0.severity != nil }
            let word =
                own?.severity ?? ratings.compactMap(\.severity).max { Severity(word: $0) < Severity(word: $1) }
                ?? "unknown"
            let scored = ratings.filter { $0.score != nil && ($0.method ?? "").hasPrefix("CVSSv") }
            let best = scored.max { ($0.score ?? 0, $0.method ?? "") < ($1.score ?? 0, $1.method ?? "") }
            let links = (vulnerability.advisories ?? []).compactMap(\.url)
            let affects = vulnerability.affects ?? [Affect(ref: "")]
            return affects.map { affect in
                let component = byReference[affect.ref]
                return Finding(
                    vulnerability: vulnerability.id,
                    aliases: (vulnerability.references ?? []).compactMap(\.id).filter { $0 != vulnerability.id },
                    severity: Severity(word: word), sourceSeverity: word, package: component?.name ?? affect.ref,
                    installedVersion: component?.version ?? "",
                    fixedVersion: Self.fixedVersion(vulnerability.recommendation),
                    title: vulnerability.detail, description: vulnerability.description, cvssScore: best?.score,
                    cvssVector: best?.vector, links: links)
            }
        }
        let tool = metadata?.tools?.entries.first
        return ScanReport(
            format: .cyclonedx, scanner: tool?.name ?? "CycloneDX", scannerVersion: tool?.version,
            scannedAt: metadata?.timestamp.flatMap(RFC3339.parse), artifact: metadata?.component?.name,
            findings: findings)
    }

    /// Trivy writes the fix as a recommendation: "Upgrade jquery to version 3.4.0".
    private static func fixedVersion(_ recommendation: String?) -> String? {
        guard let recommendation, let range = recommendation.range(of: "to version ") else { return nil }
        return String(recommendation[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
