import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// Trivy reports read from their bytes must equal what JSONDecoder makes of them, and anything the byte
/// reader does not take must be left to JSONDecoder rather than read differently.
struct TrivyByteReaderTests {
    /// The report through `TrivyReport.read`, and through JSONDecoder as before.
    private func bothWays(_ data: Data) throws -> (fast: ScanReport, decoded: ScanReport) {
        let fast = try #require(try TrivyReport.read(data, source: "r.json"))
        let decoded = try ReportDecoding.decode(TrivyReport.self, from: data, source: "r.json").report(source: "r.json")
        return (fast, decoded)
    }

    private func expectSame(_ data: Data) throws {
        let (fast, decoded) = try bothWays(data)
        #expect(fast.findings == decoded.findings)
        #expect(fast.scanner == decoded.scanner && fast.scannerVersion == decoded.scannerVersion)
        #expect(fast.scannedAt == decoded.scannedAt && fast.artifact == decoded.artifact)
        #expect(fast.format == decoded.format && fast.status == decoded.status)
    }

    @Test func upstreamFixtureReadsAsJSONDecoderReadsIt() throws {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("scan-reports/trivy-alpine-310.json"))
        try expectSame(data)
        #expect(try bothWays(data).fast.findings.count == 4)
    }

    @Test func escapesNullsNumbersAndUnknownMembersReadTheSame() throws {
        let text = #"""
            { "SchemaVersion" : 2, "CreatedAt": "2024-05-01T10:00:00.5Z", "ArtifactName": null,
              "Metadata": {"OS": {"Family": "debian", "EOSL": false}, "Layers": [1, -2.5e-3, true, null, [], {}]},
              "Trivy": {"Version": "0.5\u0031"},
              "Results": [
                {"Target": "a\tb \"quoted\" \\ \/ \u00e9 \ud83d\ude00 é 日本", "Class": null},
                {"Target": "app", "Vulnerabilities": [
                  {"VulnerabilityID": "CVE-1", "PkgName": "p\u0000q", "Severity": "HIGH", "FixedVersion": "",
                   "SeveritySource": "ghsa", "PrimaryURL": "https://x/1", "References": ["https://x/1", "https://y"],
                   "CVSS": {"nvd": {"V3Score": 7, "V3Vector": "N"}, "ghsa": {"V40Score": 6.5e0, "V40Vector": "G"}},
                   "Layer": {"Digest": "sha256:ab", "DiffID": "sha256:cd"}, "VendorIDs": ["DSA-1"], "Extra": {"a": [{}]}},
                  {"VulnerabilityID": "CVE-2", "PkgName": "r", "Severity": "low", "InstalledVersion": null,
                   "CVSS": {"redhat": {"V2Score": 4.3}, "x": {"V3Score": null}}, "Title": "line\nbreak\r\n\b\f"},
                  {"VulnerabilityID": "CVE-3", "PkgName": "s", "Severity": "Medium", "CVSS": {}, "References": null}
                ]},
                {"Target": "empty", "Vulnerabilities": []}
              ]
            }
            """#
        try expectSame(Data(text.utf8))
        let findings = try bothWays(Data(text.utf8)).fast.findings
        #expect(findings.map(\.cvssScore) == [6.5, 4.3, nil])
        #expect(findings.first?.package == "p\u{0}q" && findings.first?.fixedVersion == nil)
    }

    @Test(arguments: [
        #"{"Results": []}"#,
        #"{"SchemaVersion": 2, "SchemaVersion": 2}"#,
        #"{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "A", "PkgName": "p", "Severity": "LOW", "Title": "a", "Title": "b"}]}]}"#,
        #"{"Schema\u0056ersion": 2}"#,
        #"{"SchemaVersion": 2, "Unused": 1e999}"#,
        #"{"SchemaVersion": 2.0}"#,
        #"{"SchemaVersion": 2, "ArtifactName": "\ud800"}"#,
        "\u{FEFF}{\"SchemaVersion\": 2}",
        #"{"SchemaVersion": 2, "Unused": [01]}"#,
        #"{"SchemaVersion": 2} x"#,
        #"{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"PkgName": "p", "Severity": "LOW"}]}]}"#,
        #"{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "A", "PkgName": "p", "Severity": "LOW", "CVSS": {"nvd": {"V3Score": "5"}}}]}]}"#,
        "{\"SchemaVersion\": 2, \"Unused\": " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
            + "}",
    ])
    func unsupportedInputIsLeftToJSONDecoder(text: String) throws {
        #expect(try TrivyReport.read(Data(text.utf8), source: "r.json") == nil)
    }
}
