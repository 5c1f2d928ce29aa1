import CurlHTTP
import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// Resuming a lifecycle run against the real registry: the manifest whose delete went through just
/// before the kill counts as deleted, and no other run starts while one is unfinished.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct LifecycleExecutorTests {
    private struct Setup {
        var provider: any RegistryProvider
        var directories: XDGDirectories
        var repository: String
        var digests: [String: Digest]

        /// A journal item deleting the manifest of `tag`.
        func item(_ tag: String) -> LifecycleJournal.Item {
            LifecycleJournal.Item(repository: repository, digest: digests[tag]!, expected: [tag: digests[tag]!])
        }
    }

    /// A repository with `keep`, `one` and `two` on their own manifests, and a state directory of its own.
    private func setup() async throws -> Setup {
        let state = try await RegistryHarness.shared()
        let home = try TestPaths.temporaryDirectory("lifecycle-executor")
        let session = RegistrySession(
            config: Config(), http: CurlHTTPClient(), environment: ["HOME": home.path],
            content: ContentStore(directory: nil))
        let repository = "scratch/resume-\(UUID().uuidString.lowercased().prefix(8))"
        var digests: [String: Digest] = [:]
        for tag in ["keep", "one", "two"] {
            let seeded = try RegistryHarness.seedImage(
                registry: state.anonymous.url, repository: repository, tags: [tag], content: "\(repository) \(tag)")
            digests[tag] = try #require(seeded[tag]?.digest.flatMap { Digest($0) })
        }
        return Setup(
            provider: try await session.provider(for: state.anonymous.host),
            directories: XDGDirectories(environment: ["HOME": home.path]),
            repository: repository, digests: digests)
    }

    private func tags(_ setup: Setup) async throws -> [String] {
        try await setup.provider.tags(repository: setup.repository).collect().map(\.name).sorted()
    }

    /// Writes the journal a run killed before recording anything leaves: its header only.
    private func interruptedRun(_ setup: Setup) throws {
        let header = LifecycleJournal.Header(
            started: Date(), instance: setup.provider.instance.name, scope: "repository \(setup.repository)",
            fingerprint: "sha256:planned",
            rules: ["keep1"], items: [setup.item("one"), setup.item("two")],
            knownTags: [setup.repository: ["keep", "one", "two"]])
        try LifecycleJournal(instance: setup.provider.instance.name, directories: setup.directories).begin(header)
    }

    @Test func aManifestDeletedJustBeforeTheKillCountsAsDeleted() async throws {
        let setup = try await setup()
        try interruptedRun(setup)
        // The first delete reached the registry, then the process was killed before journaling it.
        try await setup.provider.deleteManifest(repository: setup.repository, digest: setup.digests["one"]!)

        let executor = LifecycleExecutor(provider: setup.provider, directories: setup.directories)
        let summary = try #require(try await executor.resume())
        #expect(summary.outcomes.map(\.item) == [setup.item("one"), setup.item("two")])
        #expect(summary.outcomes.map(\.outcome) == [.deleted, .deleted])
        #expect((summary.deleted, summary.skipped, summary.failed) == (2, 0, 0))
        #expect(try await tags(setup) == ["keep"])
        #expect(executor.interrupted == nil)
    }

    @Test func noOtherRunStartsWhileOneIsUnfinished() async throws {
        let setup = try await setup()
        try interruptedRun(setup)
        let executor = LifecycleExecutor(provider: setup.provider, directories: setup.directories)
        let interrupted = try #require(executor.interrupted)
        #expect(
            (interrupted.done, interrupted.total, interrupted.remaining) == (
                0, 2, [setup.item("one"), setup.item("two")]
            ))
        #expect(interrupted.isRun(of: "sha256:planned") && !interrupted.isRun(of: "sha256:other"))

        let plan = LifecyclePlan(
            entries: [
                .init(
                    repository: setup.repository, tag: "keep", digest: setup.digests["keep"], created: nil,
                    decision: .delete, reason: .notCovered, rule: "r")
            ],
            bytesFreed: 0, warnings: [])
        let rule = LifecycleRule(id: "r", scope: .repository(setup.repository), retentionTagCount: 1)
        await #expect(throws: RegistryError.self) {
            try await executor.apply(plan, rules: [rule], scope: .repository(setup.repository))
        }
        #expect(try await tags(setup) == ["keep", "one", "two"])

        let dropped = try #require(try executor.discard())
        #expect(dropped.remaining.count == 2)
        #expect(executor.interrupted == nil)
        #expect(try await tags(setup) == ["keep", "one", "two"])
    }
}

/// What makes two lifecycle runs the same run: instance, scope, and every rule field that decides.
struct LifecycleFingerprintTests {
    static let rules = [
        LifecycleRule(id: "a", scope: .instance, retentionTagCount: 5, tagRegexp: "^release-"),
        LifecycleRule(id: "b", scope: .repository("app/svc"), keepPushedWithinDays: 3),
    ]

    private func fingerprint(
        _ instance: String = "local", _ scope: LifecycleRule.Scope = .repository("app/svc"),
        _ rules: [LifecycleRule] = rules
    ) -> String {
        LifecycleJournal.fingerprint(instance: instance, scope: scope, rules: rules)
    }

    /// The rules with one field of the first rule changed.
    private func changed(_ change: (inout LifecycleRule) -> Void) -> [LifecycleRule] {
        var rules = Self.rules
        change(&rules[0])
        return rules
    }

    @Test func theSameRunHasTheSameFingerprintWhateverTheRuleOrder() {
        #expect(fingerprint() == fingerprint("local", .repository("app/svc"), Self.rules.reversed()))
        #expect(fingerprint().hasPrefix("sha256:") && fingerprint().count == 71)
        // The schedule does not change what a run deletes.
        #expect(
            fingerprint()
                == fingerprint(
                    "local", .repository("app/svc"),
                    changed {
                        $0.schedule = .week
                        $0.auto = true
                    }))
    }

    @Test func anyDecidingDifferenceChangesTheFingerprint() {
        let variants = [
            fingerprint("other"), fingerprint("local", .repository("app/web")), fingerprint("local", .namespace("app")),
            fingerprint("local", .instance),
            fingerprint("local", .repository("app/svc"), changed { $0.retentionTagCount = 6 }),
            fingerprint("local", .repository("app/svc"), changed { $0.retentionTagCount = nil }),
            fingerprint("local", .repository("app/svc"), changed { $0.tagRegexp = "^release" }),
            fingerprint("local", .repository("app/svc"), changed { $0.keepPushedWithinDays = 3 }),
            fingerprint("local", .repository("app/svc"), changed { $0.deleteUntagged = true }),
            fingerprint("local", .repository("app/svc"), changed { $0.id = "c" }),
            fingerprint("local", .repository("app/svc"), changed { $0.scope = .namespace("app") }),
            fingerprint("local", .repository("app/svc"), Array(Self.rules.prefix(1))),
        ]
        #expect(Set(variants + [fingerprint()]).count == variants.count + 1)
    }
}
