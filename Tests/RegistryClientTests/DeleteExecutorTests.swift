import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Compare-and-delete against the real registry: a plan goes stale when tags move or new tags land
/// on a planned digest, and then nothing is deleted.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct DeleteExecutorTests {
    private func provider() async throws -> (any RegistryProvider, HarnessState, AuditLog) {
        let state = try await RegistryHarness.shared()
        let session = RegistrySession(
            config: Config(), http: CurlHTTPClient(), environment: ["HOME": NSTemporaryDirectory()],
            content: ContentStore(directory: nil))
        let audit = AuditLog(url: try TestPaths.temporaryDirectory("audit").appendingPathComponent("audit.log"))
        return (try await session.provider(for: state.anonymous.host), state, audit)
    }

    private func tags(_ provider: any RegistryProvider, _ repository: String) async throws -> [String] {
        try await provider.tags(repository: repository).collect().map(\.name).sorted()
    }

    @Test func tagMovedSincePlanIsSkipped() async throws {
        let (provider, state, audit) = try await provider()
        let repository = "scratch/cad-moved-\(UUID().uuidString.lowercased().prefix(8))"
        let first = try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["x"], content: "first")
        let plan = try await DeletePlanner(provider: provider).plan(repository: repository, targets: [.tag("x")])
        #expect(plan.deletions.first?.digest?.description == first["x"]?.digest)

        let second = try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["x"], content: "second")
        let outcomes = try await DeleteExecutor(provider: provider, audit: audit).execute(plan)
        guard case .skipped(let reason)? = outcomes.first?.1 else {
            Issue.record("expected a skip, got \(outcomes)")
            return
        }
        #expect(reason == .tagMoved(tag: "x", now: Digest(second["x"]!.digest!), planned: Digest(first["x"]!.digest!)!))
        #expect(reason.description.contains("tag 'x' now points at \(second["x"]!.digest!.dropFirst(7).prefix(12))"))
        #expect(try await provider.currentDigest(repository: repository, tag: "x")?.description == second["x"]?.digest)
        #expect(audit.entries().map(\.phase) == ["intent", "skipped"])
    }

    @Test func tagPushedOntoThePlannedDigestIsProtected() async throws {
        let (provider, state, audit) = try await provider()
        let repository = "scratch/cad-joined-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["y"], content: "same bytes")
        let plan = try await DeletePlanner(provider: provider).plan(repository: repository, targets: [.tag("y")])
        #expect(plan.deletions.count == 1)

        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["z"], content: "same bytes")
        let outcomes = try await DeleteExecutor(provider: provider, audit: audit).execute(plan)
        guard case .skipped(let reason)? = outcomes.first?.1 else {
            Issue.record("expected a skip, got \(outcomes)")
            return
        }
        guard case .tagsAdded(let added, _) = reason else {
            Issue.record("expected tagsAdded, got \(reason)")
            return
        }
        #expect(added == ["z"])
        #expect(reason.description.contains("tag z was pushed onto"))
        #expect(try await tags(provider, repository) == ["y", "z"])
    }

    @Test func unchangedPlanDeletesAndLeavesOtherTags() async throws {
        let (provider, state, audit) = try await provider()
        let repository = "scratch/cad-ok-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["keep"], content: "keep")
        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: repository, tags: ["drop"], content: "drop")
        let plan = try await DeletePlanner(provider: provider).plan(repository: repository, targets: [.tag("drop")])
        let outcomes = try await DeleteExecutor(provider: provider, audit: audit).execute(plan)
        #expect(outcomes.map(\.1) == [.deleted])
        #expect(try await tags(provider, repository) == ["keep"])
    }
}
