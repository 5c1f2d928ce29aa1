import Foundation
import TestSupport
import Testing

/// `retention` and `immutability` against the Harbor emulator, configured as the `harbor` entry
/// `hb`, over images seeded for each test under `scratch/ret-<id>/app`: `old` (2023), `v1`, `v2`,
/// `v3`+`latest`, `rc-1` (2024, a month apart).
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborRetentionCommandTests {
    struct World {
        var fixture: Fixture
        var emulator: HarborEmulator
        var shortName: String
        var digests: [String: String]
        var repository: String { "scratch/\(shortName)" }
    }

    static func world() async throws -> World {
        let state = try await RegistryHarness.shared()
        let shortName = "ret-\(UUID().uuidString.prefix(8).lowercased())/app"
        var digests: [String: String] = [:]
        for (tags, created) in [
            (["old"], "2023-01-01T00:00:00Z"), (["v1"], "2024-01-01T00:00:00Z"), (["v2"], "2024-02-01T00:00:00Z"),
            (["v3", "latest"], "2024-03-01T00:00:00Z"), (["rc-1"], "2024-04-01T00:00:00Z"),
        ] {
            let seeded = try RegistryHarness.seedImage(
                registry: state.anonymous.url, repository: "scratch/\(shortName)", tags: tags,
                content: "cli " + tags.joined(), created: created)
            for tag in tags { digests[tag] = seeded[tag]?.digest }
        }
        let emulator = try await HarborEmulator.start(registry: state.basic)
        let fixture = try await Fixture.harbor(emulator)
        return World(fixture: fixture, emulator: emulator, shortName: shortName, digests: digests)
    }

    /// Adds rule 1 (the newest `v*`, no untagged) and rule 2 (every `rc-*`), both on the seeded repository.
    private func addRules(_ world: World) async throws {
        try await world.fixture.succeed([
            "retention", "rule", "add", "hb/scratch", "--template", "latestPushedK", "--count", "1", "--tags", "v*",
            "--no-untagged", "--repos", world.shortName, "--schedule", "0 0 2 * * *",
        ])
        try await world.fixture.succeed([
            "retention", "rule", "add", "hb/scratch", "--template", "always", "--tags", "rc-*", "--repos",
            world.shortName,
        ])
    }

    private func byTag(_ rows: [[String: Any]], _ key: String, in world: World) -> [String: String] {
        Dictionary(
            rows.filter { $0["repository"] as? String == world.repository }.map {
                ($0["tag"] as? String ?? "", $0[key] as? String ?? "")
            }, uniquingKeysWith: { first, _ in first })
    }

    @Test func rulesPreviewDryRunAndRun() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let fixture = world.fixture
        let none = try await fixture.cli.run(["retention", "show", "hb/scratch"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("hb/scratch has no retention policy"))
        try await fixture.succeed([
            "immutability", "add", "hb/scratch", "--tags", "v1", "--repos", world.shortName,
        ])
        try await addRules(world)

        let rules = try await fixture.jsonArray(["retention", "show", "hb/scratch"])
        #expect(rules.map { $0["template"] as? String } == ["latestPushedK", "always"])
        #expect(rules.map { $0["parameter"] as? Int } == [1, nil])
        #expect(rules.map { $0["tags"] as? String } == ["v*", "rc-*"])
        #expect(rules.map { $0["untagged"] as? Bool } == [false, true])
        #expect(
            rules.first?["summary"] as? String
                == "keep the 1 most recently pushed of tags matching v* in repositories matching \(world.shortName)")
        let shown = try await fixture.succeed(["retention", "show", "hb/scratch"])
        #expect(shown.stdout.contains("cron 0 0 2 * * *"))

        let expected = [
            "rc-1": "keep", "v3": "keep", "latest": "keep", "v2": "delete", "v1": "immutable", "old": "delete",
        ]
        let preview = try await fixture.jsonArray(["retention", "preview", "hb/scratch"])
        #expect(byTag(preview, "decision", in: world) == expected)
        #expect(byTag(preview, "digest", in: world) == world.digests)
        #expect(byTag(preview, "reason", in: world)["v3"] == "rule 1 keeps the 1 most recently pushed")

        let dry = try await fixture.cli.run([
            "retention", "dry-run", "hb/scratch", "--poll-interval", "0.1", "--output", "json",
        ])
        #expect(dry.status == 0, "\(dry.stderr)")
        let compared = try #require(try dry.json() as? [[String: Any]])
        #expect(byTag(compared, "server", in: world) == expected)
        #expect(byTag(compared, "preview", in: world) == expected)
        #expect(Set(byTag(compared, "match", in: world).values) == ["same"])
        #expect(dry.stderr.contains("server and preview agree on 6 of 6 tags; 0 differ"))

        let readOnly = try await fixture.cli.run(["retention", "run", "hb/scratch", "--read-only", "--yes"])
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("read-only"))
        let noTerminal = try await fixture.cli.run(["retention", "run", "hb/scratch"])
        #expect(noTerminal.status == 2)
        #expect(noTerminal.stderr.contains("pass --yes"))
        let run = try await fixture.succeed(["retention", "run", "hb/scratch", "--yes", "--poll-interval", "0.1"])
        #expect(run.stdout.contains("deleted 2 artifacts (2 tags) in 1 repositories"), "\(run.stdout)")
        let left = try await fixture.jsonArray(["tags", "hb/\(world.repository)"]).compactMap { $0["name"] as? String }
        #expect(Set(left) == ["rc-1", "v3", "latest", "v1"])
    }

    /// Harbor judges "pushed within N days" by its own clock: when it runs ahead of this machine's,
    /// the dry run deletes what the preview keeps, and the comparison says so.
    @Test func aDifferenceExitsOne() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        // Keep what was pushed since 2024-01-20: v2 (02-01), v3 and latest (03-01), rc-1 (04-01).
        let since = try #require(ISO8601DateFormatter().date(from: "2024-01-20T00:00:00Z"))
        let days = Int(Date().timeIntervalSince(since) / 86_400)
        try await world.fixture.succeed([
            "retention", "rule", "add", "hb/scratch", "--template", "nDaysSinceLastPush", "--days", String(days),
            "--tags", "**", "--repos", world.shortName,
        ])
        let agreed = try await world.fixture.cli.run(["retention", "dry-run", "hb/scratch", "--poll-interval", "0.1"])
        #expect(agreed.status == 0, "\(agreed.stdout)\(agreed.stderr)")
        #expect(agreed.stdout.contains("server and preview agree on 6 of 6 tags; 0 differ"), "\(agreed.stdout)")

        // Harbor's clock runs 30 days ahead: to it, v2 was pushed before the cutoff.
        try await world.emulator.setClockOffset(days: 30)
        let dry = try await world.fixture.cli.run(["retention", "dry-run", "hb/scratch", "--poll-interval", "0.1"])
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("server and preview agree on 5 of 6 tags; 1 differ"), "\(dry.stdout)")
        #expect(dry.stderr.contains("the server and the preview differ on 1 tags"))
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        // The difference comes first, right under the header.
        let first = try #require(lines.dropFirst().first)
        #expect(first.contains("v2") && first.contains("only-server-deletes"), "\(dry.stdout)")
    }

    @Test func rulesAreEditedValidatedAndImmutabilityToggled() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let fixture = world.fixture
        try await addRules(world)
        try await fixture.succeed([
            "retention", "rule", "update", "hb/scratch", "1", "--template", "nDaysSinceLastPush", "--days", "30",
            "--disabled",
        ])
        var rules = try await fixture.jsonArray(["retention", "show", "hb/scratch"])
        #expect(rules.first?["template"] as? String == "nDaysSinceLastPush")
        #expect(rules.first?["parameter"] as? Int == 30)
        #expect(rules.first?["disabled"] as? Bool == true)
        let wrong = try await fixture.cli.run([
            "retention", "rule", "add", "hb/scratch", "--template", "latestPushedK", "--days", "3",
        ])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--days does not fit latestPushedK"))
        let cron = try await fixture.cli.run([
            "retention", "rule", "update", "hb/scratch", "2", "--schedule", "0 2 * * *",
        ])
        #expect(cron.status == 2)
        #expect(cron.stderr.contains("six cron fields"))
        let missing = try await fixture.cli.run(["retention", "rule", "update", "hb/scratch", "7", "--count", "1"])
        #expect(missing.status == 2)
        try await fixture.succeed(["retention", "rule", "delete", "hb/scratch", "1", "--yes"])
        rules = try await fixture.jsonArray(["retention", "show", "hb/scratch"])
        #expect(rules.map { $0["template"] as? String } == ["always"])

        try await fixture.succeed(["immutability", "add", "hb/scratch", "--tags", "v{1,2}"])
        var immutable = try await fixture.jsonArray(["immutability", "list", "hb/scratch"])
        let id = try #require(immutable.first?["id"] as? Int)
        #expect(immutable.map { $0["tags"] as? String } == ["v{1,2}"])
        #expect(immutable.map { $0["repositories"] as? String } == ["**"])
        try await fixture.succeed(["immutability", "disable", "hb/scratch", String(id)])
        immutable = try await fixture.jsonArray(["immutability", "list", "hb/scratch"])
        #expect(immutable.map { $0["disabled"] as? Bool } == [true])
        try await fixture.succeed(["immutability", "enable", "hb/scratch", String(id)])
        try await fixture.succeed(["immutability", "delete", "hb/scratch", String(id), "--yes"])
        #expect(try await fixture.jsonArray(["immutability", "list", "hb/scratch"]).isEmpty)

        let distribution = try await fixture.cli.run(["retention", "show", "basic/ns"])
        #expect(distribution.status == 2)
        #expect(distribution.stderr.contains("retention needs a Harbor instance: basic is not one (distribution)"))
        let immutability = try await fixture.cli.run(["immutability", "list", "local/ns"])
        #expect(immutability.status == 2)
        let malformed = try await fixture.cli.run(["retention", "show", "hb"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("'hb' is not INSTANCE/PROJECT"))
    }
}
