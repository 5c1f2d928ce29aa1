import Foundation
import TestSupport
import Testing

/// `tags` and `lifecycle plan` leave referrer tags (`sha256-<hex>[.sig]`) out unless `--all` is
/// given, in every format; a table says on standard error how many it left out.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct ReferrerTagListingTests {
    /// A fresh repository with `v1` (June 2024) and `v2` (July 2024), a scan report attached to v1
    /// (its OCI fallback tag `sha256-<hex>`) and a cosign-style signature tag `sha256-<hex>.sig`.
    /// Returns the repository and the two referrer tags.
    private func repository(_ fixture: Fixture) async throws -> (String, Set<String>) {
        let repository = "scratch/referrers-\(UUID().uuidString.lowercased().prefix(8))"
        let registry = fixture.state.anonymous.url
        let v1 = try RegistryHarness.seedImage(
            registry: registry, repository: repository, tags: ["v1"], content: "\(repository) 1",
            created: "2024-06-01T00:00:00Z")
        try RegistryHarness.seedImage(
            registry: registry, repository: repository, tags: ["v2"], content: "\(repository) 2",
            created: "2024-07-01T00:00:00Z")
        let digest = try #require(v1["v1"]?.digest)
        let fallback = "sha256-" + digest.dropFirst("sha256:".count)
        let report = TestPaths.fixtures.appendingPathComponent("scan-reports/trivy-alpine-310.json").path
        let attached = try await fixture.succeed(["scan", "attach", "local/\(repository):v1", report])
        #expect(attached.stdout.contains("(tag fallback \(fallback)"))
        try RegistryHarness.retag(registry: registry, repository: repository, digest: digest, as: fallback + ".sig")
        return (repository, [fallback, fallback + ".sig"])
    }

    private func names(_ rows: [[String: Any]], _ key: String) -> [String] { rows.compactMap { $0[key] as? String } }

    @Test func tagsHideReferrerTagsUnlessAllInEveryFormat() async throws {
        let fixture = try await Fixture.make()
        let (repository, referrers) = try await repository(fixture)
        let everything = (referrers.union(["v1", "v2"])).sorted()

        let table = try await fixture.succeed(["tags", "local/\(repository)"])
        #expect(table.stdout == "TAG\nv1\nv2\n")
        #expect(table.stderr == "regconsole: 2 referrer tags hidden (--all shows them)\n")
        let all = try await fixture.succeed(["tags", "local/\(repository)", "--all"])
        #expect(all.stdout == "TAG\n" + everything.map { $0 + "\n" }.joined())
        #expect(all.stderr.isEmpty)

        #expect(names(try await fixture.jsonArray(["tags", "local/\(repository)"]), "name") == ["v1", "v2"])
        #expect(names(try await fixture.jsonArray(["tags", "local/\(repository)", "--all"]), "name") == everything)
        let json = try await fixture.succeed(["tags", "local/\(repository)", "--output", "json"])
        #expect(!json.stderr.contains("hidden"), "JSON output carries no notice: \(json.stderr)")
        let csv = try await fixture.succeed(["tags", "local/\(repository)", "--output", "csv"])
        #expect(csv.stdout == "name\r\nv1\r\nv2\r\n")
        let csvAll = try await fixture.succeed(["tags", "local/\(repository)", "--output", "csv", "--all"])
        #expect(csvAll.stdout == "name\r\n" + everything.map { $0 + "\r\n" }.joined())

        let long = try await fixture.jsonArray(["tags", "local/\(repository)", "--long", "--sort", "created"])
        #expect(names(long, "name") == ["v2", "v1"])
    }

    @Test func lifecyclePlanListsReferrerTagsOnlyWithAllAndPlansTheSame() async throws {
        let fixture = try await Fixture.make()
        let (repository, referrers) = try await repository(fixture)
        let rules = fixture.cli.home.appendingPathComponent("rules-\(UUID().uuidString.prefix(8)).toml")
        try Data("[[rules]]\nid = \"keep1\"\nscope = \"instance\"\nretention_tag_count = 1\n".utf8).write(to: rules)
        let plan = ["lifecycle", "plan", "local/\(repository)", "--rules", rules.path]

        let shown = try await fixture.jsonArray(plan)
        #expect(
            Dictionary(uniqueKeysWithValues: shown.map { ($0["tag"] as! String, $0["decision"] as! String) }) == [
                "v1": "delete", "v2": "keep",
            ])
        let all = try await fixture.jsonArray(plan + ["--all"])
        #expect(Set(names(all, "tag")) == referrers.union(["v1", "v2"]))
        let hidden = all.filter { referrers.contains($0["tag"] as? String ?? "") }
        #expect(Set(names(hidden, "decision")) == ["keep"])
        #expect(Set(names(hidden, "reason")) == ["kept: referrers tag"])

        let table = try await fixture.succeed(plan)
        #expect(!table.stdout.contains("sha256-"))
        #expect(table.stdout.split(separator: "\n").count == 3, "header, v1, v2: \(table.stdout)")
        let summary = "local: delete 1 tags (1 manifests) of 4 in 1 repository, keep 3"
        #expect(
            table.stderr.hasPrefix("regconsole: 2 referrer tags hidden (--all shows them)\n" + summary),
            "\(table.stderr)")
        let tableAll = try await fixture.succeed(plan + ["--all"])
        #expect(referrers.allSatisfy { tableAll.stdout.contains($0) })
        #expect(tableAll.stderr.hasPrefix(summary), "the plan is the same: \(tableAll.stderr)")
        let deletions = try await fixture.succeed(plan + ["--deletions-only"])
        #expect(deletions.stderr.hasPrefix(summary), "no referrer tag is among the deletions: \(deletions.stderr)")
        #expect(deletions.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] } == ["v1"])
    }
}
