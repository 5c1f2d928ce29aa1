import Foundation
import TestSupport
import Testing

/// `regconsole vulns` against the shared seeded registry, where `ns/web`'s newest tag (`stable`)
/// carries a Trivy report attached as a referrer and the other seeded repositories have none.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct VulnsCommandTests {
    @Test func rowsMatchTheSeededReports() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let rows = try await fixture.jsonArray(["vulns", "local/ns"])
        let web = try #require(rows.first { $0["repository"] as? String == "ns/web" })
        #expect(rows.first?["repository"] as? String == "ns/web", "the worst repository comes first")
        #expect(web["instance"] as? String == "local")
        #expect(web["tag"] as? String == "stable")
        let seeded = try #require(fixture.state.seed.scans["ns/web:stable"])
        let counts = try #require(web["counts"] as? [String: Any])
        for severity in ["critical", "high", "medium", "low", "negligible", "unknown"] {
            #expect(counts[severity] as? Int == seeded[severity] ?? 0, "\(severity)")
        }
        #expect(web["fixable"] as? Int == 4)
        #expect(web["worst"] as? String == "critical")
        #expect((web["findings"] as? [String])?.first == "CVE-2024-3094")
        #expect(web["source"] as? String == "referrer")
        #expect((web["digest"] as? String)?.hasPrefix("sha256:") == true)
        let app = try #require(rows.first { $0["repository"] as? String == "ns/app" })
        #expect(app["counts"] is NSNull, "no report: no counts")
        #expect(app["tag"] as? String == "multi")
    }

    @Test func filtersKeepTheRepositoriesWithAMatchingFinding() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let critical = try await fixture.jsonArray(["vulns", "local/ns", "--filter", "sev>=critical fixable:y"])
        #expect(critical.compactMap { $0["repository"] as? String } == ["ns/web"])
        let byID = try await fixture.jsonArray(["vulns", "local/ns", "--filter", "id:CVE-2024-3094"])
        #expect(byID.compactMap { $0["repository"] as? String } == ["ns/web"])
        let none = try await fixture.jsonArray(["vulns", "local/ns", "--filter", "id:CVE-0000-NONE"])
        #expect(none.isEmpty)
        let table = try await fixture.succeed(["vulns", "local/ns", "--severity", "high", "--fixable"])
        #expect(table.stdout.hasPrefix("REPOSITORY  TAG     FINDINGS  FIXABLE  OLDER  WORST FINDINGS\n"))
        #expect(table.stdout.contains("ns/web      stable  C2 M1 L2        4      1  CVE-2024-3094,"))
    }

    /// `ns/web:v2`, older than `stable`, has fixable critical and high findings of its own: the
    /// newest-tag row counts it, and the every-tag scope lists it.
    @Test func olderImagesThatMatchAreCountedAndListedOverEveryTag() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let seeded = try fixture.seededImages("ns/web")
        let query = ["--filter", "sev>=high fixable:y"]
        let newest = try await fixture.jsonArray(["vulns", "local/ns"] + query)
        #expect(newest.compactMap { $0["repository"] as? String } == ["ns/web"])
        #expect(newest.first?["olderMatching"] as? Int == 1)
        let unmatched = try await fixture.jsonArray(["vulns", "local/ns", "--filter", "id:CVE-2024-3094"])
        #expect(unmatched.first?["olderMatching"] as? Int == 0, "v2 has no CVE-2024-3094")

        let everyTag = try await fixture.jsonArray(["vulns", "local/ns", "--tags", "all"] + query)
        let web = everyTag.filter { $0["repository"] as? String == "ns/web" }
        #expect(
            web.compactMap { $0["tags"] as? [String] }.sorted { $0.description < $1.description } == [
                ["stable"], ["v2"],
            ])
        let v2 = try #require(web.first { ($0["tags"] as? [String]) == ["v2"] })
        #expect(v2["digest"] as? String == seeded["v2"]?.digest)
        let counts = try #require(v2["counts"] as? [String: Any])
        let expected = try #require(fixture.state.seed.scans["ns/web:v2"])
        for severity in ["critical", "high", "medium", "low"] {
            #expect(counts[severity] as? Int == expected[severity] ?? 0, "\(severity)")
        }
        let table = try await fixture.succeed(["vulns", "local/ns", "--tags", "all"] + query)
        #expect(table.stdout.hasPrefix("REPOSITORY  TAGS    FINDINGS  FIXABLE  WORST FINDINGS\n"))
    }

    @Test func failOnExitsThreeAndAllCoversEveryInstance() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let failing = try await fixture.cli.run(["vulns", "local/ns", "--fail-on", "critical"])
        #expect(failing.status == 3)
        #expect(failing.stderr.contains("local/ns/web has critical findings (--fail-on critical)"))
        let passing = try await fixture.cli.run([
            "vulns", "local/ns", "--fail-on", "critical", "--filter", "pkg:nothing-like-this",
        ])
        #expect(passing.status == 0)

        // Other tests add and delete repositories under scratch/ meanwhile: a manifest deleted while it
        // is read fails that repository (exit 1), which is right, but says nothing about ns/web.
        let all = try await fixture.cli.run(["vulns", "--all", "--filter", "id:CVE-2024-3094", "--output", "json"])
        let otherFailures = all.stderr.split(separator: "\n").filter {
            $0.hasPrefix("regconsole: ") && !$0.contains("/scratch/") && !$0.contains("could not be read")
        }
        #expect(all.status == 0 || (all.status == 1 && otherFailures.isEmpty), "\(all.stderr)")
        let everywhere = try #require(try all.json() as? [[String: Any]])
        let web = everywhere.filter { $0["repository"] as? String == "ns/web" }
        #expect(Set(web.compactMap { $0["instance"] as? String }) == ["local", "basic", "bearer", "reader"])
        let csv = try await fixture.succeed(["vulns", "local/ns", "--output", "csv"])
        #expect(
            csv.stdout.hasPrefix(
                "instance,repository,tag,tags,digest,created,counts,fixable,olderMatching,worst,findings,source,scannedAt,error\r\n"
            ))
        #expect(csv.stdout.contains("local,ns/web,stable,stable,sha256:"))
        let markdown = try await fixture.succeed(["vulns", "local/ns", "--output", "markdown"])
        #expect(
            markdown.stdout.hasPrefix(
                "| REPOSITORY | TAG | FINDINGS | FIXABLE | OLDER | WORST FINDINGS |\n| --- | --- | --- | ---: | ---: | --- |\n"
            ))
        #expect(markdown.stdout.contains("| ns/web | stable | C2 M1 L2 | 4 | 1 | CVE-2024-3094,"))
        let usage = try await fixture.cli.run(["vulns"])
        #expect(usage.status == 2)
    }
}
