import Foundation
import TestSupport
import Testing

/// `regconsole sync drift` over two real registries seeded with different tags, and over an ACR
/// instance and its replica with the last sync task of each tag.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct SyncDriftCommandTests {
    /// Pushes an image with `content` under `tags` and returns its digest.
    private static func push(
        _ registry: HarnessState.Registry, _ repository: String, _ tags: [String], _ content: String
    ) throws -> String {
        let seeded = try RegistryHarness.seedImage(
            registry: registry.url, repository: repository, tags: tags, content: content)
        return try #require(seeded[tags[0]]?.digest)
    }

    /// The source is read from the anonymous registry and the replica from the basic-auth one (which
    /// serves the same storage, so the replica is seeded through the anonymous one).
    @Test func twoRegistriesWithDifferentTags() async throws {
        let fixture = try await Fixture.make()
        let id = UUID().uuidString.lowercased().prefix(8)
        let (source, target) = ("scratch/cli-drift-\(id)", "scratch/cli-drift-\(id)-replica")
        let same = try Self.push(fixture.state.anonymous, source, ["1.0"], "\(id) same")
        #expect(try Self.push(fixture.state.anonymous, target, ["1.0"], "\(id) same") == same)
        let moved = try Self.push(fixture.state.anonymous, source, ["stable"], "\(id) stable here")
        let stale = try Self.push(fixture.state.anonymous, target, ["stable"], "\(id) stable there")
        let new = try Self.push(fixture.state.anonymous, source, ["2.0"], "\(id) new")
        let old = try Self.push(fixture.state.anonymous, target, ["0.9"], "\(id) old")

        let rows = try await fixture.jsonArray(["sync", "drift", "local/\(source)", "--to", "basic/\(target)"])
        let found = rows.map {
            [
                $0["tag"] as? String, $0["state"] as? String, $0["sourceDigest"] as? String,
                $0["targetDigest"] as? String,
            ]
        }
        #expect(
            found == [
                ["2.0", "missing", new, nil], ["stable", "different", moved, stale], ["0.9", "extra", nil, old],
                ["1.0", "same", same, same],
            ])
        #expect(rows.allSatisfy { $0["lastSync"] == nil }, "a plain registry has no sync tasks")

        let differences = try await fixture.succeed([
            "sync", "drift", "local/\(source)", "--to", "basic/\(target)", "--differences-only",
        ])
        #expect(differences.stdout.contains("missing") && !differences.stdout.contains(" same"))
        #expect(differences.stderr.contains("1 missing, 1 different, 1 extra, 1 same"))

        let absent = try await fixture.jsonArray(["sync", "drift", "local/\(source)", "--to", "basic/\(target)-none"])
        #expect(Set(absent.compactMap { $0["state"] as? String }) == ["missing"])
        #expect(absent.count == 3)
        let noSource = try await fixture.cli.run(["sync", "drift", "local/\(source)-none", "--to", "basic/\(target)"])
        #expect(noSource.status == 1)
    }

    @Test func anACRSourceShowsEachTagsLastSyncTask() async throws {
        let acr = try await ACRCLI.make(try await ACREmulator.shared())
        let rules = try await acr.jsonArray(["sync", "rules", "acr.emulator-main"])
        let rule = try #require(rules.first { $0["name"] as? String == "replicate-first" })
        let target = try #require(rule["target"] as? String)
        #expect(target.contains("cri-emulated0002"))
        let repository = try #require(
            try await acr.jsonArray(["repos", "acr.emulator-main"]).compactMap { $0["name"] as? String }.sorted().first)
        let rows = try await acr.jsonArray([
            "sync", "drift", "acr.emulator-main/\(repository)", "--to", "acr.emulator-empty/\(repository)",
        ])
        #expect(rows.allSatisfy { $0["state"] as? String == "missing" }, "the seeded tasks left the replica empty")
        let synced = rows.filter { $0["lastSync"] != nil }
        #expect(synced.count == 1, "both seeded tasks copied the newest tag")
        #expect(synced.first?["lastSync"] as? String == "ERROR: TAG_CONFLICT")
        #expect((synced.first?["lastSyncTask"] as? String)?.hasPrefix("rst-") == true)
    }
}
