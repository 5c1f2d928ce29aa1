import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Harbor tag retention and immutability through the provider, against the emulator over images
/// seeded for each test under `scratch/ret-<id>/app` (project `scratch`): policy CRUD, a dry run
/// read back from its task logs and compared with regconsole's preview, a real run, and rules.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborRetentionProviderTests {
    /// One test's world: the emulator, the provider, the seeded repository and its digests by tag.
    struct World {
        var emulator: HarborEmulator
        var provider: HarborProvider
        var readOnly: HarborProvider
        /// `ret-<id>/app`, the name within project `scratch`.
        var shortName: String
        var repository: String { "scratch/\(shortName)" }
        var digests: [String: String]
    }

    /// Seeds `old` (2023), `v1` (Jan 2024), `v2` (Feb), `v3`+`latest` (Mar), `rc-1` (Apr), then starts an emulator.
    static func world() async throws -> World {
        let state = try await RegistryHarness.shared()
        let shortName = "ret-\(UUID().uuidString.prefix(8).lowercased())/app"
        var digests: [String: String] = [:]
        for (tags, created) in [
            (["old"], "2023-01-01T00:00:00Z"), (["v1"], "2024-01-01T00:00:00Z"), (["v2"], "2024-02-01T00:00:00Z"),
            (["v3", "latest"], "2024-03-01T00:00:00Z"), (["rc-1"], "2024-04-01T00:00:00Z"),
        ] {
            let seeded = try RegistryHarness.seedImage(
                registry: state.anonymous.url, repository: "scratch/\(shortName)", tags: tags, content: tags.joined(),
                created: created)
            for tag in tags { digests[tag] = seeded[tag]?.digest }
        }
        let emulator = try await HarborEmulator.start(registry: state.basic)
        return World(
            emulator: emulator, provider: try await provider(emulator),
            readOnly: try await provider(emulator, readOnly: true),
            shortName: shortName, digests: digests)
    }

    static func provider(_ emulator: HarborEmulator, readOnly: Bool = false) async throws -> HarborProvider {
        let entry = InstanceConfig(
            name: "hb", kind: .harbor, url: URL(string: emulator.url),
            credentials: .password(username: emulator.username, password: emulator.password), readOnly: readOnly)
        let session = RegistrySession(
            config: Config(instances: [entry]), http: CurlHTTPClient(), environment: [:],
            content: ContentStore(directory: nil))
        return try #require(try await session.provider(for: "hb") as? HarborProvider)
    }

    /// Rule 1 keeps the newest `v*` (v3/latest), rule 2 every `rc-*` of the seeded repository only;
    /// `v1` is immutable; `v2` and `old` go.
    static func policy(_ world: World, projectID: Int) -> HarborRetentionPolicy {
        HarborRetentionPolicy(
            projectID: projectID,
            rules: [
                .init(
                    template: .latestPushedK, parameter: 1, tags: .init(pattern: "v*"), untagged: false,
                    repositories: .init(pattern: world.shortName)),
                .init(
                    template: .always, tags: .init(pattern: "rc-*"),
                    repositories: .init(pattern: "{\(world.shortName),none/**}")),
            ], schedule: "0 0 2 * * *")
    }

    @Test func policyCreateReadUpdateDelete() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let provider = world.provider
        #expect(try await provider.retentionPolicy(project: "scratch") == nil)
        let projectID = try await provider.projectID(of: "scratch")
        let created = try await provider.saveRetentionPolicy(Self.policy(world, projectID: projectID))
        let id = try #require(created.id)
        var read = try #require(try await provider.retentionPolicy(project: "scratch"))
        #expect(read.id == id)
        #expect(read.projectID == projectID)
        #expect(read.schedule == "0 0 2 * * *")
        #expect(read.rules.map(\.template) == ["latestPushedK", "always"])
        #expect(read.rules.map(\.parameter) == [1, nil])
        #expect(read.rules.map(\.tags.pattern) == ["v*", "rc-*"])
        #expect(read.rules.map(\.untagged) == [false, true])
        #expect(read.rules[0].repositories == .init(pattern: world.shortName))
        read.rules[1].disabled = true
        read.schedule = ""
        _ = try await provider.saveRetentionPolicy(read)
        let updated = try #require(try await provider.retentionPolicy(project: "scratch"))
        #expect(updated.rules.map(\.disabled) == [false, true])
        #expect(updated.schedule == "")
        var invalid = updated
        invalid.rules[0].parameter = 40_000
        await #expect(throws: RegistryError.self) { try await provider.saveRetentionPolicy(invalid) }
        await #expect(throws: RegistryError.self) { try await world.readOnly.saveRetentionPolicy(updated) }
        try await provider.deleteRetentionPolicy(id: id)
        #expect(try await provider.retentionPolicy(project: "scratch") == nil)
    }

    @Test func dryRunAgreesWithThePreviewAndARealRunDeletesTheDelTags() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let provider = world.provider
        let projectID = try await provider.projectID(of: "scratch")
        _ = try await provider.saveImmutableRule(
            HarborImmutableRule(tags: .init(pattern: "v1"), repositories: .init(pattern: world.shortName)),
            project: "scratch")
        let policy = try await provider.saveRetentionPolicy(Self.policy(world, projectID: projectID))
        let policyID = try #require(policy.id)
        let preview = try await provider.retentionPreview(policy: policy, project: "scratch")
            .filter { $0.repository == world.repository }
        let expected: [String: RetentionDecision] = [
            "rc-1": .keep, "v3": .keep, "latest": .keep, "v2": .delete, "v1": .immutable, "old": .delete,
        ]
        #expect(Dictionary(uniqueKeysWithValues: preview.map { ($0.tag ?? "-", $0.decision) }) == expected)
        #expect(Dictionary(uniqueKeysWithValues: preview.map { ($0.tag ?? "-", $0.digest) }) == world.digests)

        let dry = try await provider.runRetention(policyID: policyID, dryRun: true, timeout: .seconds(30))
        #expect(dry.execution.dryRun)
        #expect(dry.execution.succeeded)
        let task = try #require(dry.tasks.first { world.repository.hasSuffix($0.repository) })
        #expect(task.total == 5)
        #expect(task.retained == 3)
        let log = try #require(dry.logs[task.id])
        #expect(log.dryRun == true)
        #expect(log.candidates == 5)
        let results = dry.results.filter { $0.repository == world.repository }
        #expect(
            Dictionary(uniqueKeysWithValues: results.map { ($0.tag ?? "-", $0.outcome) }) == [
                "rc-1": .retain, "v3": .retain, "latest": .retain, "v2": .delete, "v1": .immutable, "old": .delete,
            ])
        #expect(Dictionary(uniqueKeysWithValues: results.map { ($0.tag ?? "-", $0.digest) }) == world.digests)
        let comparison = RetentionComparison(preview: preview, server: results)
        #expect(comparison.agrees)
        #expect(comparison.summary == "server and preview agree on 6 of 6 tags; 0 differ")

        await #expect(throws: RegistryError.self) {
            try await world.readOnly.startRetention(policyID: policyID, dryRun: false)
        }
        let directory = try TemporaryDirectory("retention-audit")
        let audit = AuditLog(url: directory.url.appendingPathComponent("audit.log"))
        let real = try await AuditedRetention(audit: audit).run(
            policy, project: "scratch", on: provider, timeout: .seconds(30))
        #expect(!real.execution.dryRun)
        #expect(real.deletedArtifacts == 2)
        let left = try await provider.tags(repository: world.repository).collect().map(\.name)
        #expect(Set(left) == ["rc-1", "v3", "latest", "v1"])
        #expect(audit.entries().map(\.phase) == ["intent", "done"])
        #expect(audit.entries().map(\.action) == ["retention-run", "retention-run"])
        #expect(audit.entries().first?.detail == "scratch: policy \(policyID)")
    }

    @Test func immutabilityRulesAndTheirRefusal() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let provider = world.provider
        #expect(try await provider.immutableRules(project: "scratch") == [])
        let rule = try await provider.saveImmutableRule(
            HarborImmutableRule(tags: .init(pattern: "v{1,2}"), repositories: .init(pattern: "ret-*/**")),
            project: "scratch")
        let id = try #require(rule.id)
        let listed = try await provider.immutableRules(project: "scratch")
        #expect(
            listed == [
                HarborImmutableRule(id: id, tags: .init(pattern: "v{1,2}"), repositories: .init(pattern: "ret-*/**"))
            ])
        let v1 = try #require(world.digests["v1"].flatMap(Digest.init))
        let refusal = await #expect(throws: RegistryError.self) {
            try await provider.deleteManifest(repository: world.repository, digest: v1)
        }
        #expect(refusal?.code == .refused)
        #expect(refusal?.hint?.contains("immutab") == true, "\(String(describing: refusal))")
        var disabled = rule
        disabled.disabled = true
        _ = try await provider.saveImmutableRule(disabled, project: "scratch")
        #expect(try await provider.immutableRules(project: "scratch").map(\.disabled) == [true])
        try await provider.deleteManifest(repository: world.repository, digest: v1)
        try await provider.deleteImmutableRule(id: id, project: "scratch")
        #expect(try await provider.immutableRules(project: "scratch") == [])
        await #expect(throws: RegistryError.self) {
            try await world.readOnly.deleteImmutableRule(id: id, project: "scratch")
        }
    }

    @Test(.enabled(if: HarborEmulatorTests.shouldRun, "needs harbor-api-client in .venv-acr; run scripts/install-deps"))
    func harborsPythonClientReadsWhatRegconsoleWrote() async throws {
        let world = try await Self.world()
        defer { world.emulator.stop() }
        let provider = world.provider
        let projectID = try await provider.projectID(of: "scratch")
        var policy = Self.policy(world, projectID: projectID)
        policy.rules[1].disabled = true
        policy.rules[1].repositories.excludes = true
        _ = try await provider.saveRetentionPolicy(policy)
        _ = try await provider.saveImmutableRule(
            HarborImmutableRule(tags: .init(pattern: "v{1,2}"), disabled: true), project: "scratch")
        let expected: [String: Any] = [
            "cron": "0 0 2 * * *",
            "rules": [
                ["latestPushedK", 1, "matches", "v*", false, "repoMatches", world.shortName, false],
                ["always", NSNull(), "matches", "rc-*", true, "repoExcludes", "{\(world.shortName),none/**}", true],
            ],
            "immutable": [["v{1,2}", true]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: expected), as: UTF8.self)
        let report = try await ACRSDKCheck.runScript(
            "harbor_client_check_retention.py",
            [
                "--endpoint", world.emulator.endpoint, "--username", world.emulator.username, "--password",
                world.emulator.password, "--project", "scratch", "--expect", json,
            ], timeout: .seconds(120))
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.checked == ["get_project", "get_retention", "list_immu_rules"])
    }
}
