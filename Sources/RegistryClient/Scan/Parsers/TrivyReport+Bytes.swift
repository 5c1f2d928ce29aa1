import Foundation

/// Trivy reports read straight from their bytes: a 10,000-finding report reads several times faster
/// than through JSONDecoder, to the same findings, and each vulnerability becomes its finding as it is
/// read instead of all of them being held first.
extension TrivyReport {
    /// The report in `data`; nil when it is not Trivy JSON (no `SchemaVersion`) or holds anything
    /// `JSONByteReader` leaves to JSONDecoder, which then decodes it (and words any error).
    /// - Throws: `ScanReportError` for a schema version other than 2.
    static func read(_ data: Data, source: String) throws -> ScanReport? {
        let contents = try? data.withUnsafeBytes { bytes in
            var reader = JSONByteReader(bytes)
            return try reader.document { try Contents(reading: &$0) }
        }
        guard let contents else { return nil }
        try check(schemaVersion: contents.schemaVersion, source: source)
        return report(
            scannerVersion: contents.scannerVersion, createdAt: contents.createdAt,
            artifactName: contents.artifactName, contents.findings)
    }

    /// The fields of a report that `report(source:)` reads, with the findings already made.
    private struct Contents {
        var schemaVersion: Int
        var createdAt: String?
        var artifactName: String?
        var scannerVersion: String?
        var findings: [Finding]

        init(reading reader: inout JSONByteReader) throws {
            var schemaVersion: Int?
            var createdAt: String?
            var artifactName: String?
            var scannerVersion: String?
            var findings: [Finding] = []
            try reader.object(keys: ["SchemaVersion", "CreatedAt", "ArtifactName", "Trivy", "Results"]) { key, reader in
                switch key {
                case 0: schemaVersion = try reader.integer()
                case 1: createdAt = try reader.optional { try $0.string() }
                case 2: artifactName = try reader.optional { try $0.string() }
                case 3:
                    _ = try reader.optional { reader in
                        try reader.object(keys: ["Version"]) { _, reader in
                            scannerVersion = try reader.optional { try $0.string() }
                        }
                    }
                default: _ = try reader.optional { try $0.array { try Self.readResult(&$0, into: &findings) } }
                }
            }
            guard let schemaVersion else { throw JSONByteReader.Unsupported() }
            self.schemaVersion = schemaVersion
            self.createdAt = createdAt
            self.artifactName = artifactName
            self.scannerVersion = scannerVersion
            self.findings = findings
        }

        /// One of `Results`: its vulnerabilities' findings, with its `Target` (which may come after them).
        private static func readResult(_ reader: inout JSONByteReader, into findings: inout [Finding]) throws {
            let first = findings.count
            var target: String?
            try reader.object(keys: ["Target", "Class", "Vulnerabilities"]) { key, reader in
                switch key {
                case 0: target = try reader.optional { try $0.string() }
                case 1: _ = try reader.optional { try $0.string() }
                default:
                    _ = try reader.optional { reader in
                        try reader.array { reader in
                            let vulnerability = try TrivyReport.Vulnerability(reading: &reader)
                            findings.append(TrivyReport.finding(vulnerability, target: nil))
                        }
                    }
                }
            }
            for index in first..<findings.count { findings[index].target = target }
        }
    }
}

extension TrivyReport.Vulnerability {
    private static let keys: [StaticString] = [
        "VulnerabilityID", "VendorIDs", "PkgName", "InstalledVersion", "FixedVersion", "Layer", "SeveritySource",
        "PrimaryURL", "Title", "Description", "Severity", "CVSS", "References",
    ]

    fileprivate init(reading reader: inout JSONByteReader) throws {
        var id: String?
        var package: String?
        var severity: String?
        var vendorIDs: [String]?
        var installed: String?
        var fixed: String?
        var layer: TrivyReport.Layer?
        var severitySource: String?
        var primaryURL: String?
        var title: String?
        var description: String?
        var cvss: [String: TrivyReport.Score]?
        var references: [String]?
        try reader.object(keys: Self.keys) { key, reader in
            switch key {
            case 0: id = try reader.string()
            case 1: vendorIDs = try reader.optional { try $0.list { try $0.string() } }
            case 2: package = try reader.string()
            case 3: installed = try reader.optional { try $0.string() }
            case 4: fixed = try reader.optional { try $0.string() }
            case 5:
                layer = try reader.optional { reader in
                    var digest: String?
                    try reader.object(keys: ["Digest"]) { _, reader in
                        digest = try reader.optional { try $0.string() }
                    }
                    return TrivyReport.Layer(Digest: digest)
                }
            case 6: severitySource = try reader.optional { try $0.string() }
            case 7: primaryURL = try reader.optional { try $0.string() }
            case 8: title = try reader.optional { try $0.string() }
            case 9: description = try reader.optional { try $0.string() }
            case 10: severity = try reader.string()
            case 11: cvss = try reader.optional(Self.scores)
            default: references = try reader.optional { try $0.list { try $0.string() } }
            }
        }
        guard let id, let package, let severity else { throw JSONByteReader.Unsupported() }
        self.init(
            VulnerabilityID: id, VendorIDs: vendorIDs, PkgName: package, InstalledVersion: installed,
            FixedVersion: fixed, Layer: layer, SeveritySource: severitySource, PrimaryURL: primaryURL, Title: title,
            Description: description, Severity: severity, CVSS: cvss, References: references)
    }

    /// `CVSS`: scores by source; a repeated source is unsupported.
    private static func scores(_ reader: inout JSONByteReader) throws -> [String: TrivyReport.Score] {
        var scores: [String: TrivyReport.Score] = [:]
        try reader.object { key, reader in
            var score = TrivyReport.Score()
            try reader.object(keys: ["V3Vector", "V3Score", "V40Vector", "V40Score", "V2Vector", "V2Score"]) {
                field, reader in
                switch field {
                case 0: score.V3Vector = try reader.optional { try $0.string() }
                case 1: score.V3Score = try reader.optional { try $0.double() }
                case 2: score.V40Vector = try reader.optional { try $0.string() }
                case 3: score.V40Score = try reader.optional { try $0.double() }
                case 4: score.V2Vector = try reader.optional { try $0.string() }
                default: score.V2Score = try reader.optional { try $0.double() }
                }
            }
            guard scores.updateValue(score, forKey: key.string) == nil else { throw JSONByteReader.Unsupported() }
        }
        return scores
    }
}
