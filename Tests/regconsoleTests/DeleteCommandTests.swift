import Foundation
import TestSupport
import Testing

/// `delete`: plan, confirmation, shared-digest refusal, deletion seen on the registry, audit log.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct DeleteCommandTests {
    /// A fresh repository with `a` and `b` on one digest and `c` on another.
    private func seedRepository(_ fixture: Fixture) throws -> (repository: String, shared: String, other: String) {
        let repository = "scratch/del-\(UUID().uuidString.lowercased().prefix(12))"
        let shared = try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["a", "b"],
            content: "\(repository) shared")
        let other = try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["c"], content: "\(repository) other")
        return (repository, try #require(shared["a"]?.digest), try #require(other["c"]?.digest))
    }

    private func tags(_ fixture: Fixture, _ repository: String) async throws -> [String] {
        try await fixture.jsonArray(["tags", "local/\(repository)"]).compactMap { $0["name"] as? String }
    }

    @Test func tagSharingItsDigestIsRefusedNamingTheOtherTag() async throws {
        let fixture = try await Fixture.make()
        let (repository, shared, _) = try seedRepository(fixture)
        let result = try await fixture.cli.run(["delete", "local/\(repository):a", "--yes"])
        #expect(result.status == 4)
        #expect(result.stdout.contains("refuse"))
        #expect(result.stdout.contains("a shares digest \(shared.dropFirst(7).prefix(12)) with b"))
        #expect(try await tags(fixture, repository) == ["a", "b", "c"])
    }

    @Test func deletingEveryTagOfADigestRemovesItAndAudits() async throws {
        let fixture = try await Fixture.make()
        let (repository, shared, _) = try seedRepository(fixture)
        let result = try await fixture.cli.run(["delete", "local/\(repository):a", "local/\(repository):b", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("deleted  local/\(repository)@\(shared.dropFirst(7).prefix(12))  (a, b)"))
        #expect(try await tags(fixture, repository) == ["c"])

        let log = fixture.cli.home.appendingPathComponent(".local/state/regconsole/audit.log")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.map { $0["phase"] as? String } == ["intent", "done"])
        #expect(lines.allSatisfy { $0["digest"] as? String == shared && $0["repository"] as? String == repository })
        #expect(lines.last?["tags"] as? [String] == ["a", "b"])
    }

    @Test func deleteByDigestTakesEveryTagOnItAndSaysSo() async throws {
        let fixture = try await Fixture.make()
        let (repository, _, other) = try seedRepository(fixture)
        let result = try await fixture.succeed(["delete", "local/\(repository)@\(other)", "--yes"])
        #expect(result.stdout.contains("(tags: c)"))
        #expect(try await tags(fixture, repository) == ["a", "b"])
    }

    @Test func dryRunAndMissingConfirmationChangeNothing() async throws {
        let fixture = try await Fixture.make()
        let (repository, _, _) = try seedRepository(fixture)
        let dry = try await fixture.succeed(["delete", "local/\(repository):c", "--dry-run"])
        #expect(dry.stdout.contains("delete  local/\(repository)@"))
        let unconfirmed = try await fixture.cli.run(["delete", "local/\(repository):c"])
        #expect(unconfirmed.status == 2)
        #expect(unconfirmed.stderr.contains("pass --yes"))
        #expect(try await tags(fixture, repository) == ["a", "b", "c"])
    }

    @Test func readOnlyRefusesBeforePlanning() async throws {
        let fixture = try await Fixture.make()
        let (repository, _, _) = try seedRepository(fixture)
        let result = try await fixture.cli.run(["delete", "local/\(repository):c", "--yes", "--read-only"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("read-only"))
        #expect(try await tags(fixture, repository) == ["a", "b", "c"])
    }

    @Test func missingTagIsRefusedWithExitFour() async throws {
        let fixture = try await Fixture.make()
        let (repository, _, _) = try seedRepository(fixture)
        let result = try await fixture.cli.run(["delete", "local/\(repository):nope", "--yes"])
        #expect(result.status == 4)
        #expect(result.stdout.contains("tag 'nope' does not exist"))
    }

    @Test func bearerDeleteAsksForTheDeleteScope() async throws {
        let fixture = try await Fixture.make()
        let (repository, _, _) = try seedRepository(fixture)
        _ = try await fixture.succeed(["delete", "bearer/\(repository):c", "--yes"])
        #expect(try await tags(fixture, repository) == ["a", "b"])
    }

    @Test func aTagPushedOntoALaterDigestDuringTheRunKeepsThatManifest() async throws {
        let fixture = try await Fixture.make()
        let repository = "scratch/del-race-\(UUID().uuidString.lowercased().prefix(12))"
        let names = ["one", "two", "three", "four"]
        var digests: [String: String] = [:]
        for name in names {
            let seeded = try RegistryHarness.seedImage(
                registry: fixture.state.anonymous.url, repository: repository, tags: [name],
                content: "\(repository) \(name)")
            digests[name] = try #require(seeded[name]?.digest)
        }
        // The second delete is held until the test releases it: the run is under way (the first
        // manifest is gone, the tags were listed before it), and a tag pushed now onto the last
        // planned digest must keep it.
        let release = fixture.cli.home.appendingPathComponent("release-deletes")
        let proxy = try await fixture.holdDeletes(
            instance: "slow", matching: try #require(digests["two"]), release: release)
        defer { proxy.stop() }
        async let run = fixture.cli.run(["delete"] + names.map { "slow/\(repository):\($0)" } + ["--yes"])
        try await fixture.waitUntil("the second delete is under way") {
            try fixture.auditEntries().filter { $0["phase"] as? String == "intent" }.count == 2
        }
        let four = try #require(digests["four"])
        try RegistryHarness.retag(
            registry: fixture.state.anonymous.url, repository: repository, digest: four, as: "hotfix")
        try Data().write(to: release)
        let result = try await run

        #expect(result.status == 4, "\(result.stdout)\n\(result.stderr)")
        for name in ["one", "two", "three"] {
            #expect(
                result.stdout.contains(
                    "deleted  slow/\(repository)@\(digests[name]!.dropFirst(7).prefix(12))  (\(name))"))
        }
        let short = four.dropFirst(7).prefix(12)
        #expect(
            result.stdout.contains(
                "skipped  slow/\(repository)@\(short): tag hotfix was pushed onto \(short) after the plan"))
        #expect(try await tags(fixture, repository) == ["four", "hotfix"])
        #expect(
            try fixture.auditEntries().map { $0["phase"] as? String } == [
                "intent", "done", "intent", "done", "intent", "done", "intent", "skipped",
            ])
    }

    @Test func theTypedConfirmationOnATerminalNamesWhatGoesAndTakesOnlyTheExactPhrase() async throws {
        let state = try await RegistryHarness.shared()
        let fixture = try await Fixture.make(
            extraConfig: "\n[[instances]]\nname = \"prod\"\nurl = \"\(state.anonymous.url)\"\nproduction = true\n")
        let (repository, shared, _) = try seedRepository(fixture)
        let arguments = ["delete", "prod/\(repository):a", "prod/\(repository):b"]
        let prompt = "Type 'delete 1' to delete 1 manifest (2 tags) in prod/\(repository): a, b: "

        let wrong = try await fixture.cli.runOnTerminal(arguments, prompt: "Type 'delete 1'", answer: "delete 2")
        #expect(wrong.answered && wrong.output.contains(prompt), "\(wrong.output)")
        #expect(wrong.status == 0)
        #expect(wrong.output.contains("cancelled; nothing was deleted"))
        #expect(try await tags(fixture, repository) == ["a", "b", "c"])

        let right = try await fixture.cli.runOnTerminal(arguments, prompt: "Type 'delete 1'", answer: "delete 1")
        #expect(right.answered && right.status == 0, "\(right.output)")
        #expect(right.output.contains("deleted  prod/\(repository)@\(shared.dropFirst(7).prefix(12))  (a, b)"))
        #expect(try await tags(fixture, repository) == ["c"])
    }
}
