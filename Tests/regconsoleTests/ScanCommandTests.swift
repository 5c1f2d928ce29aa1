import Foundation
import RegistryClient
import TestSupport
import Testing

/// `scan attach`, `show`, `diff`, `suppress` against the real registry, with the upstream reports.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct ScanCommandTests {
    private func report(_ name: String) -> String {
        TestPaths.fixtures.appendingPathComponent("scan-reports/\(name)").path
    }

    /// A fresh image with its own repository.
    private func image(_ fixture: Fixture, _ label: String) throws -> String {
        let repository = "scratch/scan-\(label)-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["v1"], content: repository)
        return "local/\(repository):v1"
    }

    private func ids(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["id"] as? String } }

    @Test func attachThenShowRoundTripsEveryFormat() async throws {
        let fixture = try await Fixture.make()
        let expectations: [(String, [String: Int])] = [
            ("trivy-alpine-310.json", ["medium": 4]), ("trivy-alpine-310.sarif", ["medium": 4]),
            ("trivy-npm-cyclonedx.json", ["medium": 1]), ("grype-imgs.json", ["critical": 1, "low": 1]),
        ]
        for (file, counts) in expectations {
            let target = try image(fixture, "rt")
            let attached = try await fixture.succeed(["scan", "attach", target, report(file)])
            #expect(attached.stdout.contains("(tag fallback sha256-"))
            let rows = try await fixture.jsonArray(["scan", "show", target])
            let severities = rows.compactMap { $0["severity"] as? String }.reduce(into: [String: Int]()) {
                $0[$1, default: 0] += 1
            }
            #expect(severities == counts, "\(file)")
            let inspected = try #require(
                try await fixture.succeed(["inspect", target, "--output", "json"]).json() as? [String: Any])
            #expect((inspected["referrers"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func secondReportKeepsTheFirstAndTheNewestIsShown() async throws {
        let fixture = try await Fixture.make()
        let target = try image(fixture, "two")
        _ = try await fixture.succeed(["scan", "attach", target, report("grype-imgs.json")])
        _ = try await fixture.succeed(["scan", "attach", target, report("trivy-alpine-310.json")])
        let inspected = try #require(
            try await fixture.succeed(["inspect", target, "--output", "json"]).json() as? [String: Any])
        let types = (inspected["referrers"] as? [[String: Any]])?.compactMap { $0["artifactType"] as? String }
        #expect(types == ["application/vnd.anchore.grype.report+json", "application/vnd.aquasec.trivy.report+json"])
        let rows = try await fixture.jsonArray(["scan", "show", target])
        #expect(Set(ids(rows)) == ["CVE-2019-1549", "CVE-2019-1551"])
    }

    @Test func filtersAndTheCIGate() async throws {
        let fixture = try await Fixture.make()
        let file = report("grype-imgs.json")
        #expect(
            ids(try await fixture.jsonArray(["scan", "show", "--file", file, "--severity", "high+"])) == [
                "CVE-1999-0002"
            ])
        #expect(ids(try await fixture.jsonArray(["scan", "show", "--file", file, "--fixable"])) == ["CVE-1999-0001"])
        #expect(
            ids(try await fixture.jsonArray(["scan", "show", "--file", file, "--filter", "sev<=low cvss>=8"])) == [
                "CVE-1999-0001"
            ])
        #expect(
            ids(
                try await fixture.jsonArray([
                    "scan", "show", "--file", report("trivy-alpine-310.json"), "--filter", "pkg:libssl id:1551",
                ])) == ["CVE-2019-1551"])
        let gate = try await fixture.cli.run(["scan", "show", "--file", file, "--fail-on", "critical"])
        #expect(gate.status == 3)
        #expect(gate.stderr.contains("has critical findings"))
        let passes = try await fixture.cli.run([
            "scan", "show", "--file", report("trivy-alpine-310.json"), "--fail-on", "high",
        ])
        #expect(passes.status == 0)
        let bad = try await fixture.cli.run(["scan", "show", "--file", file, "--filter", "sev>=urgent"])
        #expect(bad.status == 2)
    }

    @Test func exportsSARIFMarkdownAndCSV() async throws {
        let fixture = try await Fixture.make()
        let sarif = try await fixture.succeed([
            "scan", "show", "--file", report("trivy-alpine-310.json"), "--output", "sarif",
        ]).stdout
        let reparsed = try ScanReportParser.parse(Data(sarif.utf8), source: "export.sarif")
        #expect(reparsed.counts == [.medium: 4])
        #expect(
            Set(reparsed.findings.map(\.id))
                == Set(
                    try ScanReportParser.parse(
                        Data(contentsOf: URL(fileURLWithPath: report("trivy-alpine-310.json"))), source: "x"
                    ).findings.map(\.id)))
        let markdown = try await fixture.succeed([
            "scan", "show", "--file", report("grype-imgs.json"), "--output", "markdown",
        ]).stdout
        #expect(markdown.contains("| Severity | ID | Package | Installed | Fixed | CVSS | Title |"))
        #expect(markdown.contains("| critical | CVE-1999-0002 | package-2 | 2.2.2 |  | 8.5 |  |"))
        let csv = try await fixture.succeed(["scan", "show", "--file", report("grype-imgs.json"), "--output", "csv"])
            .stdout
        #expect(
            csv.hasPrefix("id,severity,sourceSeverity,package,installedVersion,fixedVersion,cvss,suppressed,title\r\n"))
        #expect(csv.contains("CVE-1999-0001,low,Low,package-1,1.1.1,\"1.2.1, 2.1.3, 3.4.0\",8.2,false,\r\n"))
    }

    @Test func diffShowsNewFixedAndUnchanged() async throws {
        let fixture = try await Fixture.make()
        let before = try image(fixture, "before")
        let after = try image(fixture, "after")
        _ = try await fixture.succeed(["scan", "attach", before, report("trivy-alpine-310.sarif")])
        _ = try await fixture.succeed(["scan", "attach", after, report("trivy-alpine-310.json")])
        let same = try await fixture.jsonArray(["scan", "diff", before, after])
        #expect(same.allSatisfy { $0["change"] as? String == "unchanged" } && same.count == 4)
        let changed = try await fixture.jsonArray(["scan", "diff", report("grype-imgs.json"), after])
        let changes = changed.compactMap { $0["change"] as? String }.reduce(into: [String: Int]()) {
            $0[$1, default: 0] += 1
        }
        #expect(changes == ["new": 4, "fixed": 2])
    }

    @Test func suppressionsHideCountExpireExportAndAudit() async throws {
        let fixture = try await Fixture.make()
        let target = try image(fixture, "sup")
        _ = try await fixture.succeed(["scan", "attach", target, report("grype-imgs.json")])
        let suppressed = try await fixture.succeed([
            "scan", "suppress", target, "--cve", "CVE-1999-0002", "--reason", "code path unused", "--owner", "oncall",
            "--expires", "2099-01-01",
        ])
        let id = try #require(
            suppressed.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").last.map {
                String($0.dropLast())
            })
        #expect(ids(try await fixture.jsonArray(["scan", "show", target])) == ["CVE-1999-0001"])
        let all = try await fixture.jsonArray(["scan", "show", target, "--all"])
        #expect(all.first { $0["id"] as? String == "CVE-1999-0002" }?["suppressed"] as? Bool == true)
        let table = try await fixture.succeed(["scan", "show", target]).stdout
        #expect(table.contains("1 finding(s): 1 low · 1 suppressed"))
        #expect(try await fixture.cli.run(["scan", "show", target, "--fail-on", "critical"]).status == 0)

        let vex = try #require(
            try await fixture.succeed(["scan", "suppressions", "local", "--output", "openvex"]).json() as? [String: Any]
        )
        let statement = try #require(
            (vex["statements"] as? [[String: Any]])?.first {
                ($0["vulnerability"] as? [String: Any])?["name"] as? String == "CVE-1999-0002"
            })
        #expect(statement["status"] as? String == "not_affected")
        #expect(statement["impact_statement"] as? String == "code path unused")

        _ = try await fixture.succeed(["scan", "unsuppress", "local", id])
        #expect(Set(ids(try await fixture.jsonArray(["scan", "show", target]))) == ["CVE-1999-0001", "CVE-1999-0002"])
        _ = try await fixture.succeed([
            "scan", "suppress", target, "--cve", "CVE-1999-0002", "--reason", "old", "--owner", "oncall", "--expires",
            "2020-01-01",
        ])
        let expired = try await fixture.succeed(["scan", "show", target]).stdout
        #expect(expired.contains("critical (suppression expired)"))
        #expect(expired.contains("· 1 suppression(s) expired"))

        let log = try String(
            contentsOf: fixture.cli.home.appendingPathComponent(".local/state/regconsole/audit.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "\"action\":\"suppress\"").count - 1 == 2)
        #expect(log.contains("\"action\":\"unsuppress\""))
    }

    @Test func brokenReportIsRefusedBeforeAnythingIsPushed() async throws {
        let fixture = try await Fixture.make()
        let target = try image(fixture, "bad")
        let broken = fixture.cli.home.appendingPathComponent("broken.json")
        let text = try String(contentsOfFile: report("trivy-alpine-310.json"), encoding: .utf8)
        try Data(text.prefix(700).utf8).write(to: broken)
        let result = try await fixture.cli.run(["scan", "attach", target, broken.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken.path): the JSON stops at byte 700"))
        let inspected = try #require(
            try await fixture.succeed(["inspect", target, "--output", "json"]).json() as? [String: Any])
        #expect((inspected["referrers"] as? [[String: Any]])?.isEmpty == true)
        let missing = try await fixture.cli.run(["scan", "show", target])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no scan report is attached"))
    }

    @Test func attachWorksThroughBearerAuth() async throws {
        let fixture = try await Fixture.make()
        let target = try image(fixture, "bearer").replacingOccurrences(of: "local/", with: "bearer/")
        _ = try await fixture.succeed(["scan", "attach", target, report("trivy-npm-cyclonedx.json")])
        #expect(ids(try await fixture.jsonArray(["scan", "show", target])) == ["CVE-2019-11358"])
    }
}
