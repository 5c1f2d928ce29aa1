import Foundation
import TestSupport
import Testing

/// CSV exports that a spreadsheet opens: no cell may run as a formula.
struct CSVOutputTests {
    @Test func cellsThatASpreadsheetWouldRunAreDefused() async throws {
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.home) }
        // Registry names cannot start with these characters (the distribution grammar), scan reports can.
        let report = cli.home.appendingPathComponent("crafted.json")
        let vulnerabilities: [[String: Any]] = [
            [
                "VulnerabilityID": "=HYPERLINK(\"http://x.example\")", "PkgName": "+SUM(1,2)", "InstalledVersion": "@x",
                "FixedVersion": "-2+3", "Severity": "HIGH", "Title": "\tcmd",
            ],
            [
                "VulnerabilityID": "CVE-2024-0001", "PkgName": "\r=1+1", "InstalledVersion": "1.0", "Severity": "LOW",
                "Title": "plain -2+3 inside",
            ],
        ]
        let document: [String: Any] = [
            "SchemaVersion": 2, "Results": [["Target": "t", "Vulnerabilities": vulnerabilities]],
        ]
        try JSONSerialization.data(withJSONObject: document).write(to: report)
        let result = try await cli.run(["scan", "show", "--file", report.path, "--output", "csv"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                id,severity,sourceSeverity,package,installedVersion,fixedVersion,cvss,suppressed,title\r
                "'=HYPERLINK(""http://x.example"")",high,HIGH,"'+SUM(1,2)",'@x,'-2+3,,false,' cmd\r
                CVE-2024-0001,low,LOW,'\u{2424}=1+1,1.0,,,false,plain -2+3 inside\r

                """)
    }
}
