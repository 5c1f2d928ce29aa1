import Foundation

/// The saved overview holds thousands of findings: each is written as a positional array
/// (`[id, severity, scanner's word, package, installed, fixed, title, cvss, aliases…]`), a third of
/// the size of keyed objects and several times faster to read back.
extension ImageReport: Codable {
    private enum CodingKeys: String, CodingKey { case findings, scanner, scannedAt, source, origin }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scanner = try container.decode(String.self, forKey: .scanner)
        scannedAt = try container.decodeIfPresent(Date.self, forKey: .scannedAt)
        source = try container.decode(String.self, forKey: .source)
        origin = try container.decodeIfPresent(String.self, forKey: .origin)
        var rows = try container.nestedUnkeyedContainer(forKey: .findings)
        var findings: [Finding] = []
        findings.reserveCapacity(rows.count ?? 0)
        while !rows.isAtEnd {
            var row = try rows.nestedUnkeyedContainer()
            let vulnerability = try row.decode(String.self)
            guard let severity = Severity(rawValue: try row.decode(Int.self)) else {
                throw DecodingError.dataCorruptedError(in: row, debugDescription: "unknown severity")
            }
            let sourceSeverity = try row.decode(String.self)
            let package = try row.decode(String.self)
            let installed = try row.decode(String.self)
            let fixed = try row.decodeNil() ? nil : try row.decode(String.self)
            let title = try row.decodeNil() ? nil : try row.decode(String.self)
            let cvss = try row.decodeNil() ? nil : try row.decode(Double.self)
            var aliases: [String] = []
            while !row.isAtEnd { aliases.append(try row.decode(String.self)) }
            findings.append(
                Finding(
                    vulnerability: vulnerability, aliases: aliases, severity: severity, sourceSeverity: sourceSeverity,
                    package: package, installedVersion: installed, fixedVersion: fixed, title: title, cvssScore: cvss))
        }
        self.findings = findings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scanner, forKey: .scanner)
        try container.encodeIfPresent(scannedAt, forKey: .scannedAt)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(origin, forKey: .origin)
        var rows = container.nestedUnkeyedContainer(forKey: .findings)
        for finding in findings {
            var row = rows.nestedUnkeyedContainer()
            try row.encode(finding.vulnerability)
            try row.encode(finding.severity.rawValue)
            try row.encode(finding.sourceSeverity)
            try row.encode(finding.package)
            try row.encode(finding.installedVersion)
            try finding.fixedVersion.map { try row.encode($0) } ?? row.encodeNil()
            try finding.title.map { try row.encode($0) } ?? row.encodeNil()
            try finding.cvssScore.map { try row.encode($0) } ?? row.encodeNil()
            for alias in finding.aliases { try row.encode(alias) }
        }
    }
}
