import Foundation
import RegistryClient
import TestSupport
import Testing

/// Every parser on the real upstream fixtures, with exact counts, and on broken input.
struct ScanReportParserTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("scan-reports/\(name)"))
    }

    private func parse(_ name: String) throws -> ScanReport {
        try ScanReportParser.parse(try fixture(name), source: name)
    }

    @Test func trivyJSON() throws {
        let report = try parse("trivy-alpine-310.json")
        #expect(report.format == .trivy)
        #expect(report.scanner == "Trivy" && report.scannerVersion == "dev")
        #expect(report.counts == [.medium: 4])
        #expect(
            report.findings.map(\.id) == [
                "CVE-2019-1549|libcrypto1.1|1.1.1c-r0", "CVE-2019-1551|libcrypto1.1|1.1.1c-r0",
                "CVE-2019-1549|libssl1.1|1.1.1c-r0", "CVE-2019-1551|libssl1.1|1.1.1c-r0",
            ])
        let first = try #require(report.findings.first)
        #expect(first.sourceSeverity == "MEDIUM")
        #expect(first.fixedVersion == "1.1.1d-r0")
        #expect(first.cvssScore == 5.3)
        #expect(first.cvssVector == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N")
        #expect(first.title == "openssl: information disclosure in fork()")
        #expect(first.layer == "sha256:9d48c3bd43c520dc2784e868a780e976b207cbf493eaff8c6596eb871cbd9609")
        #expect(first.links.first == "https://avd.aquasec.com/nvd/cve-2019-1549")
        #expect(report.scannedAt.map(RFC3339.format) == "2021-08-25T12:20:30Z")
    }

    @Test func trivySARIF() throws {
        let report = try parse("trivy-alpine-310.sarif")
        #expect(report.format == .sarif)
        #expect(report.counts == [.medium: 4])
        #expect(Set(report.findings.map(\.package)) == ["libcrypto1.1", "libssl1.1"])
        #expect(report.findings.allSatisfy { $0.sourceSeverity == "MEDIUM" && $0.installedVersion == "1.1.1c-r0" })
        #expect(report.findings.map(\.fixedVersion) == ["1.1.1d-r0", "1.1.1d-r2", "1.1.1d-r0", "1.1.1d-r2"])
        #expect(report.findings.first?.cvssScore == 5.3)
    }

    @Test func cycloneDX() throws {
        let report = try parse("trivy-npm-cyclonedx.json")
        #expect(report.format == .cyclonedx)
        #expect(report.counts == [.medium: 1])
        let finding = try #require(report.findings.first)
        #expect(finding.vulnerability == "CVE-2019-11358")
        #expect(finding.package == "jquery" && finding.installedVersion == "3.3.9")
        #expect(finding.fixedVersion == "3.4.0")
        #expect(finding.sourceSeverity == "medium")
        #expect(finding.cvssScore == 6.1)
        #expect(finding.cvssVector == "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")
    }

    @Test func grypeJSON() throws {
        let report = try parse("grype-imgs.json")
        #expect(report.format == .grype)
        #expect(report.counts == [.low: 1, .critical: 1])
        let low = try #require(report.findings.first { $0.vulnerability == "CVE-1999-0001" })
        #expect(low.sourceSeverity == "Low" && low.package == "package-1" && low.installedVersion == "1.1.1")
        #expect(low.fixedVersion == "1.2.1, 2.1.3, 3.4.0")
        #expect(low.cvssScore == 8.2)
        let critical = try #require(report.findings.first { $0.vulnerability == "CVE-1999-0002" })
        #expect(critical.severity == .critical && !critical.isFixable)
    }

    @Test func harborReportShapesFromTheAPIDocumentation() throws {
        let inner =
            #"{"generated_at":"2024-05-01T10:00:00Z","scanner":{"name":"Trivy","vendor":"Aqua","version":"v0.50"},"severity":"High","vulnerabilities":[{"id":"CVE-2024-1","package":"openssl","version":"3.0.1","fix_version":"3.0.2","severity":"High","preferred_cvss":{"score_v3":7.5,"vector_v3":"CVSS:3.1/AV:N"},"links":["https://x"]},{"id":"CVE-2024-2","package":"zlib","version":"1.2","severity":"Negligible"}]}"#
        for document in [inner, #"{"application/vnd.security.vulnerability.report; version=1.1":\#(inner)}"#] {
            let report = try ScanReportParser.parse(Data(document.utf8), source: "harbor.json")
            #expect(report.format == .harbor)
            #expect(report.counts == [.high: 1, .negligible: 1])
            #expect(report.findings.first?.cvssScore == 7.5)
        }
    }

    @Test func truncatedReportIsRejectedWholeNamingTheFile() throws {
        let data = try fixture("trivy-alpine-310.json")
        let cut = data.prefix(data.count / 2)
        #expect {
            try ScanReportParser.parse(cut, source: "reports/alpine.json")
        } throws: { error in
            (error as? ScanReportError)?.description
                == "reports/alpine.json: the JSON stops at byte \(cut.count) before the document is closed (truncated download or write?)"
        }
    }

    @Test func aNumberOutOfRangeIsNamedNotCalledInvalidJSON() throws {
        let text =
            #"{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "p", "#
            + #""Title": "1e999 in a string is fine", "Severity": "HIGH", "CVSS": {"nvd": {"V3Score": -1e999}}}]}]}"#
        let offset = try #require(text.utf8.firstRange(of: "-1e999".utf8)).lowerBound.utf16Offset(in: text)
        #expect(
            throws: ScanReportError(
                source: "r.json",
                message:
                    "the number -1e999 at byte \(offset) is out of range (too large for a 64-bit floating-point number)"
            )
        ) {
            try ScanReportParser.parse(Data(text.utf8), source: "r.json")
        }
        #expect(throws: ScanReportError(source: "r.json", message: "not valid JSON")) {
            try ScanReportParser.parse(Data(#"{"a": 1e99, "b": nope}"#.utf8), source: "r.json")
        }
    }

    @Test func binaryDataIsNotCalledATruncatedReport() throws {
        var data = Data([0x1F, 0x8B, 0x08, 0x00])  // a gzip header
        data.append(Data(repeating: 0x41, count: 1 << 20))
        #expect(
            throws: ScanReportError(
                source: "r.json.gz", message: "not a JSON report: binary data (a zero byte at offset 3)")
        ) {
            try ScanReportParser.parse(data, source: "r.json.gz")
        }
    }

    @Test func wrongTypeNamesTheJSONPath() throws {
        var text = String(decoding: try fixture("trivy-alpine-310.json"), as: UTF8.self)
        let range = try #require(text.range(of: #""Severity": "MEDIUM""#, options: .backwards))
        text.replaceSubrange(range, with: #""Severity": 2"#)
        #expect {
            try ScanReportParser.parse(Data(text.utf8), source: "alpine.json")
        } throws: { error in
            let error = error as? ScanReportError
            return error?.path == "$.Results[0].Vulnerabilities[3].Severity" && error?.message == "expected a string"
        }
        #expect(throws: ScanReportError.self) {
            try ScanReportParser.parse(Data(#"{"hello": 1}"#.utf8), source: "x.json")
        }
        #expect(throws: ScanReportError.self) { try ScanReportParser.parse(Data(), source: "empty.json") }
        #expect(throws: ScanReportError.self) {
            try ScanReportParser.parse(Data(#"{"SchemaVersion": 1, "Results": []}"#.utf8), source: "old.json")
        }
    }

    @Test(arguments: [
        ("CRITICAL", Severity.critical), ("High", .high), ("medium", .medium), ("moderate", .medium), ("Low", .low),
        ("info", .negligible), ("Negligible", .negligible), ("none", .unknown), ("weird", .unknown),
    ])
    func severitiesNormalize(word: String, severity: Severity) {
        #expect(Severity(word: word) == severity)
    }
}
