import Foundation
import TestSupport
import Testing

/// `lifecycle` against the real registry: a repository of 30 dated tags with a release family and
/// shared digests, planned and applied to an exact surviving set; a run killed part-way resumes.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct LifecycleCommandTests {
    /// The tags that survive `keep 5 newest or ^release-` on the fixture: the five newest by created
    /// (latest and build-020 tie, the name decides; candidate and build-018 likewise), the release
    /// family, and stable, whose digest release-1.2 keeps.
    static let survivors: Set<String> = [
        "latest", "build-020", "build-019", "candidate", "build-018", "release-1.0", "release-1.1", "release-1.2", "release-2.0", "stable",
    ]

    private func fixtureRepository(_ fixture: Fixture) throws -> String {
        let repository = "scratch/retention-\(UUID().uuidString.lowercased().prefix(8))"
        let seeded = try RegistryHarness.seedRetentionFixture(registry: fixture.state.anonymous.url, repository: repository)
        #expect(seeded.count == 30)
        return repository
    }

    private func tags(_ fixture: Fixture, _ repository: String) async throws -> Set<String> {
        Set(try await fixture.jsonArray(["tags", "local/\(repository)"]).compactMap { $0["name"] as? String })
    }

    @Test func planExplainsEveryTagAndApplyLeavesExactlyTheKeptSet() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let created = try await fixture.succeed(["lifecycle", "create", "local/\(repository)", "--id", "keep5", "--keep", "5", "--keep-regexp", "^release-"])
        #expect(created.stdout.contains("created rule keep5 on local: repository \(repository), keep 5 newest · matches ^release-"))

        let rows = try await fixture.jsonArray(["lifecycle", "plan", "local/\(repository)"])
        #expect(rows.count == 30)
        let decision = Dictionary(uniqueKeysWithValues: rows.map { ($0["tag"] as! String, $0["decision"] as! String) })
        #expect(Set(decision.filter { $0.value == "keep" }.keys) == Self.survivors)
        let reason = Dictionary(uniqueKeysWithValues: rows.map { ($0["tag"] as! String, $0["reason"] as! String) })
        #expect(reason["latest"] == "kept: #1 of the 5 newest")
        #expect(reason["build-018"] == "kept: #5 of the 5 newest")
        #expect(reason["release-1.0"] == "kept: matches ^release-")
        #expect(reason["stable"] == "kept: shares its digest with kept tag release-1.2")
        #expect(reason["build-017"] == "deleted: older than the 5 newest, does not match ^release-")
        #expect(Set(rows.map { $0["rule"] as? String }) == ["keep5"])
        let summary = try await fixture.succeed(["lifecycle", "plan", "local/\(repository)", "--deletions-only"]).stderr
        #expect(summary.contains("delete 20 tags (19 manifests) of 30 in 1 repository, keep 10"))
        #expect(try await tags(fixture, repository).count == 30, "plan changes nothing")

        let applied = try await fixture.cli.run(["lifecycle", "apply", "local/\(repository)", "--yes"])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("deleted 19, skipped 0, failed 0"))
        #expect(try await tags(fixture, repository) == Self.survivors)

        let listed = try await fixture.jsonArray(["lifecycle", "list", "local/\(repository)"])
        #expect(listed.first?["id"] as? String == "keep5")
        #expect(listed.first?["lastRunDeleted"] as? Int == 19)
        let again = try await fixture.succeed(["lifecycle", "apply", "local/\(repository)", "--yes"])
        #expect(again.stderr.contains("delete 0 tags"), "a second run deletes nothing")
    }

    @Test func aKilledRunResumesWithoutDeletingWhatThePlanDidNotList() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let rules = fixture.cli.home.appendingPathComponent("rules.toml")
        try Data("[[rules]]\nid = \"keep5\"\nscope = \"instance\"\nretention_tag_count = 5\ntag_regexp = \"^release-\"\n".utf8).write(to: rules)
        // Deletes through a proxy that holds each one for 400 ms, so the run can be killed part-way.
        let slow = try await FaultServer.start(upstream: fixture.state.anonymous.url, rules: ["^DELETE =slow:400"])
        defer { slow.stop() }
        let config = try String(contentsOf: fixture.cli.configPath, encoding: .utf8)
        try fixture.cli.writeConfig(config + "\n[[instances]]\nname = \"cleanup\"\nurl = \"\(slow.url)\"\n")

        let journal = fixture.cli.home.appendingPathComponent(".local/state/regconsole/journals/lifecycle-cleanup.jsonl")
        let run = try fixture.cli.launch(["lifecycle", "apply", "cleanup/\(repository)", "--rules", rules.path, "--yes"])
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let lines = (try? String(contentsOf: journal, encoding: .utf8))?.split(separator: "\n") ?? []
            if lines.count >= 4 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        let done = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").count - 1
        #expect(done >= 3 && done < 19, "killed after \(done) manifests")
        let remaining = try await tags(fixture, repository)
        #expect(remaining.isSuperset(of: Self.survivors) && remaining.count < 30)

        // A tag pushed since onto a digest the plan deletes must survive the resumed run.
        let victim = try #require(remaining.filter { $0.hasPrefix("build-0") && !Self.survivors.contains($0) }.sorted().first)
        let manifest = try await fixture.succeed(["inspect", "local/\(repository):\(victim)", "--output", "json"]).json() as? [String: Any]
        let digest = try #require(manifest?["digest"] as? String)
        try RegistryHarness.retag(registry: fixture.state.anonymous.url, repository: repository, digest: digest, as: "hotfix")

        try fixture.cli.writeConfig(config + "\n[[instances]]\nname = \"cleanup\"\nurl = \"\(fixture.state.anonymous.url)\"\n")
        let resumed = try await fixture.cli.run(["lifecycle", "apply", "cleanup/\(repository)", "--rules", rules.path, "--yes"])
        #expect(resumed.stdout.contains("resuming the interrupted run of"), "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stdout.contains("skipped  \(repository)@"), "the digest with a new tag is skipped")
        #expect(resumed.status == 4)
        #expect(!FileManager.default.fileExists(atPath: journal.path))
        #expect(try await tags(fixture, repository) == Self.survivors.union(["hotfix", victim]), "only the journal's other manifests are gone")
    }
}
