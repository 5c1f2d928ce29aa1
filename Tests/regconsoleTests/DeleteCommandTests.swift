import Foundation
import TestSupport
import Testing

/// `delete`: plan, confirmation, shared-digest refusal, deletion seen on the registry, audit log.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct DeleteCommandTests {
    /// A fresh repository with `a` and `b` on one digest and `c` on another.
    private func seedRepository(_ fixture: Fixture) throws -> (repository: String, shared: String, other: String) {
        let repository = "scratch/del-\(UUID().uuidString.lowercased().prefix(12))"
        let shared = try RegistryHarness.seedImage(registry: fixture.state.anonymous.url, repository: repository, tags: ["a", "b"], content: "\(repository) shared")
        let other = try RegistryHarness.seedImage(registry: fixture.state.anonymous.url, repository: repository, tags: ["c"], content: "\(repository) other")
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
}
