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
        "latest", "build-020", "build-019", "candidate", "build-018", "release-1.0", "release-1.1", "release-1.2",
        "release-2.0", "stable",
    ]

    private func fixtureRepository(_ fixture: Fixture) throws -> String {
        let repository = "scratch/retention-\(UUID().uuidString.lowercased().prefix(8))"
        let seeded = try RegistryHarness.seedRetentionFixture(
            registry: fixture.state.anonymous.url, repository: repository)
        #expect(seeded.count == 30)
        return repository
    }

    private func tags(_ fixture: Fixture, _ repository: String) async throws -> Set<String> {
        Set(try await fixture.jsonArray(["tags", "local/\(repository)"]).compactMap { $0["name"] as? String })
    }

    @Test func planExplainsEveryTagAndApplyLeavesExactlyTheKeptSet() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let created = try await fixture.succeed([
            "lifecycle", "create", "local/\(repository)", "--id", "keep5", "--keep", "5", "--keep-regexp", "^release-",
        ])
        #expect(
            created.stdout.contains(
                "created rule keep5 on local: repository \(repository), keep 5 newest · matches ^release-"))

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

    /// `keep 5 newest or ^release-` everywhere: deletes 19 manifests of the fixture.
    static let strictRules =
        "[[rules]]\nid = \"keep5\"\nscope = \"instance\"\nretention_tag_count = 5\ntag_regexp = \"^release-\"\n"
    /// Keeps every tag of the fixture.
    static let keepEverything = "[[rules]]\nid = \"keep-all\"\nscope = \"instance\"\nretention_tag_count = 100\n"

    private func rulesFile(_ fixture: Fixture, _ text: String) throws -> URL {
        let url = fixture.cli.home.appendingPathComponent("rules-\(UUID().uuidString.prefix(8)).toml")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func journal(_ fixture: Fixture) -> URL {
        fixture.cli.home.appendingPathComponent(".local/state/regconsole/journals/lifecycle-cleanup.jsonl")
    }

    /// Runs `lifecycle apply cleanup/REPOSITORY --rules RULES --yes` through a proxy that lets 3
    /// deletes through and holds the rest, kills it (SIGKILL) once 3 manifests are done (the fourth
    /// is in flight), and points `cleanup` at the registry itself again. Returns how many manifests
    /// the journal lists as done.
    private func killPartWay(_ fixture: Fixture, _ repository: String, rules: URL) async throws -> Int {
        let never = fixture.cli.home.appendingPathComponent("never-released")
        let proxy = try await fixture.holdDeletes(instance: "cleanup", passing: 3, release: never)
        defer { proxy.stop() }
        let journal = journal(fixture)
        let lines = { (try? String(contentsOf: journal, encoding: .utf8))?.split(separator: "\n").count ?? 0 }
        let run = try fixture.cli.launch([
            "lifecycle", "apply", "cleanup/\(repository)", "--rules", rules.path, "--yes",
        ])
        defer {
            if run.isRunning { kill(run.processIdentifier, SIGKILL) }
            run.waitUntilExit()
        }
        try await fixture.waitUntil("the run has done 3 manifests") { lines() >= 4 }
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        try fixture.setInstance("cleanup", url: fixture.state.anonymous.url)
        return lines() - 1
    }

    @Test func aKilledRunResumesWithoutDeletingWhatThePlanDidNotList() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let rules = try rulesFile(fixture, Self.strictRules)
        let done = try await killPartWay(fixture, repository, rules: rules)
        #expect(done == 3, "killed after \(done) manifests")
        let remaining = try await tags(fixture, repository)
        #expect(remaining.isSuperset(of: Self.survivors) && remaining.count < 30)

        // A tag pushed since onto a digest the plan deletes must survive the resumed run.
        let victim = try #require(
            remaining.filter { $0.hasPrefix("build-0") && !Self.survivors.contains($0) }.sorted().first)
        let manifest =
            try await fixture.succeed(["inspect", "local/\(repository):\(victim)", "--output", "json"]).json()
            as? [String: Any]
        let digest = try #require(manifest?["digest"] as? String)
        try RegistryHarness.retag(
            registry: fixture.state.anonymous.url, repository: repository, digest: digest, as: "hotfix")

        // The same instance, scope and rules: the run is finished without being asked for.
        let resumed = try await fixture.cli.run([
            "lifecycle", "apply", "cleanup/\(repository)", "--rules", rules.path, "--yes",
        ])
        #expect(
            resumed.stdout.contains(
                "resuming the interrupted lifecycle run on cleanup, repository \(repository) (rules keep5)"),
            "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stdout.contains("skipped  \(repository)@"), "the digest with a new tag is skipped")
        #expect(resumed.status == 4)
        #expect(!FileManager.default.fileExists(atPath: journal(fixture).path))
        #expect(
            try await tags(fixture, repository) == Self.survivors.union(["hotfix", victim]),
            "only the journal's other manifests are gone")
    }

    @Test func anUnfinishedRunIsNeverResumedForAnotherScopeOrOtherRules() async throws {
        let fixture = try await Fixture.make()
        let first = try fixtureRepository(fixture)
        let second = try fixtureRepository(fixture)
        let strict = try rulesFile(fixture, Self.strictRules)
        let keepAll = try rulesFile(fixture, Self.keepEverything)
        let done = try await killPartWay(fixture, first, rules: strict)
        #expect(done == 3, "killed after \(done) manifests")
        let left = try await tags(fixture, first)
        let unfinished = "there is an interrupted lifecycle run on cleanup, repository \(first) (rules keep5), started "
        let counts = "\(done) of 19 manifests done, \(19 - done) left: \(first)@"

        // Another repository, rules that keep everything, --yes: nothing is deleted anywhere.
        let other = try await fixture.cli.run([
            "lifecycle", "apply", "cleanup/\(second)", "--rules", keepAll.path, "--yes",
        ])
        #expect(other.status == 2, "\(other.stdout)")
        #expect(other.stderr.contains(unfinished) && other.stderr.contains(counts), "\(other.stderr)")
        #expect(
            other.stderr.contains("pass --resume to finish exactly that run")
                && other.stderr.contains("--discard-journal to drop it"))
        #expect(try await tags(fixture, first) == left)
        #expect(try await tags(fixture, second).count == 30)

        // The same repository with lenient rules: no implicit resume either; the plan mentions the run.
        let lenient = try await fixture.cli.run([
            "lifecycle", "apply", "cleanup/\(first)", "--rules", keepAll.path, "--yes",
        ])
        #expect(lenient.status == 2)
        #expect(lenient.stderr.contains(unfinished) && lenient.stderr.contains(counts), "\(lenient.stderr)")
        #expect(try await tags(fixture, first) == left)
        let planned = try await fixture.succeed(["lifecycle", "plan", "cleanup/\(first)", "--rules", keepAll.path])
        #expect(planned.stderr.contains("cleanup: delete 0 tags"))
        #expect(planned.stderr.contains("note: " + unfinished), "\(planned.stderr)")

        // --resume finishes exactly that run: the rest of its list, in its own repository.
        let resumed = try await fixture.cli.run(["lifecycle", "apply", "cleanup/\(second)", "--resume", "--yes"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("resuming the " + unfinished.dropFirst("there is an ".count)))
        #expect(resumed.stdout.contains("deleted \(19 - done), skipped 0, failed 0"), "\(resumed.stdout)")
        #expect(try await tags(fixture, first) == Self.survivors)
        #expect(try await tags(fixture, second).count == 30)
        #expect(!FileManager.default.fileExists(atPath: journal(fixture).path))
    }

    @Test func discardingAnUnfinishedRunDeletesNothingMoreAndIsAudited() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let strict = try rulesFile(fixture, Self.strictRules)
        let done = try await killPartWay(fixture, repository, rules: strict)
        let left = try await tags(fixture, repository)

        let discarded = try await fixture.succeed([
            "lifecycle", "apply", "cleanup/\(repository)", "--discard-journal", "--yes",
        ])
        #expect(
            discarded.stdout.contains(
                "discarded the interrupted run on cleanup, repository \(repository) (\(done) of 19 manifests done)"))
        #expect(!FileManager.default.fileExists(atPath: journal(fixture).path))
        #expect(try await tags(fixture, repository) == left)
        let entry = try #require(try fixture.auditEntries().last)
        #expect(
            entry["action"] as? String == "lifecycle-run" && entry["phase"] as? String == "discard"
                && entry["instance"] as? String == "cleanup")
        #expect(entry["detail"] as? String == "repository \(repository): \(done) of 19 done, \(19 - done) not deleted")

        let nothing = try await fixture.cli.run(["lifecycle", "apply", "cleanup/\(repository)", "--resume", "--yes"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("cleanup has no interrupted lifecycle run to resume"))
        let planned = try await fixture.succeed([
            "lifecycle", "apply", "cleanup/\(repository)", "--rules", strict.path, "--yes",
        ])
        #expect(planned.stdout.contains("skipped 0, failed 0"), "a new run plans afresh")
        #expect(try await tags(fixture, repository) == Self.survivors)
    }

    @Test func theTypedConfirmationOnATerminalNamesTheRepositoryAndTheFirstTags() async throws {
        let fixture = try await Fixture.make()
        let repository = try fixtureRepository(fixture)
        let rules = try rulesFile(fixture, Self.strictRules)
        let arguments = ["lifecycle", "apply", "local/\(repository)", "--rules", rules.path]
        let prompt = "Type 'delete 19' to delete 19 manifests (20 tags) in \(repository): "

        let wrong = try await fixture.cli.runOnTerminal(arguments, prompt: "Type 'delete 19'", answer: "delete 20")
        #expect(wrong.answered && wrong.output.contains(prompt), "\(wrong.output)")
        #expect(
            wrong.output.contains("build-017, build-016") && wrong.output.contains(" and 12 more: "), "\(wrong.output)")
        #expect(wrong.status == 0 && wrong.output.contains("cancelled; nothing was deleted"))
        #expect(try await tags(fixture, repository).count == 30)

        let right = try await fixture.cli.runOnTerminal(arguments, prompt: "Type 'delete 19'", answer: "delete 19")
        #expect(right.status == 0 && right.output.contains("deleted 19, skipped 0, failed 0"), "\(right.output)")
        #expect(try await tags(fixture, repository) == Self.survivors)
    }
}
