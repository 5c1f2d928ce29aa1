import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Tag drift between two real repositories read through two providers: digests resolved for tags
/// listed by name only, a missing target counted as empty, a missing source an error, and an ACR
/// instance compared with the plain registry behind it.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct DriftComparisonTests {
    private static func provider(_ registry: HarnessState.Registry) async throws -> any RegistryProvider {
        let session = RegistrySession(
            config: Config(), http: CurlHTTPClient(), environment: ["HOME": NSTemporaryDirectory()],
            content: ContentStore(directory: nil))
        return try await session.provider(for: registry.host)
    }

    /// Two fresh repository names, source and target.
    private static func repositories() -> (String, String) {
        let id = UUID().uuidString.lowercased().prefix(8)
        return ("scratch/drift-\(id)-source", "scratch/drift-\(id)-target")
    }

    /// Pushes an image with `content` under `tags` and returns its digest.
    private static func push(
        _ registry: HarnessState.Registry, _ repository: String, _ tags: [String], _ content: String
    ) throws -> Digest {
        let seeded = try RegistryHarness.seedImage(
            registry: registry.url, repository: repository, tags: tags, content: content)
        return try #require(seeded[tags[0]]?.digest.flatMap(Digest.init))
    }

    @Test func everyStateWithItsDigests() async throws {
        let state = try await RegistryHarness.shared()
        let (source, target) = Self.repositories()
        let registry = state.anonymous
        let same = try Self.push(registry, source, ["1.0", "latest"], "\(source) same")
        #expect(try Self.push(registry, target, ["1.0", "latest"], "\(source) same") == same)
        let moved = try Self.push(registry, source, ["moved"], "\(source) moved here")
        let stale = try Self.push(registry, target, ["moved"], "\(source) moved there")
        let onlySource = try Self.push(registry, source, ["new"], "\(source) new")
        let onlyTarget = try Self.push(registry, target, ["old"], "\(source) old")

        let comparison = try await DriftComparison.load(
            source: (try await Self.provider(state.anonymous), source),
            target: (try await Self.provider(state.paged), target))
        #expect(
            comparison.rows == [
                TagDrift(tag: "new", state: .missing, sourceDigest: onlySource, targetDigest: nil),
                TagDrift(tag: "moved", state: .different, sourceDigest: moved, targetDigest: stale),
                TagDrift(tag: "old", state: .extra, sourceDigest: nil, targetDigest: onlyTarget),
                TagDrift(tag: "1.0", state: .same, sourceDigest: same, targetDigest: same),
                TagDrift(tag: "latest", state: .same, sourceDigest: same, targetDigest: same),
            ])
        #expect(TagDrift.State.allCases.map(comparison.count) == [1, 1, 1, 2])
        #expect(!comparison.truncated)
        #expect(!comparison.targetMissing)

        let limited = try await DriftComparison.load(
            source: (try await Self.provider(state.anonymous), source),
            target: (try await Self.provider(state.anonymous), target), limit: 2)
        // Two tags a side, in the registry's order: each digest read is the one the full comparison read.
        #expect(limited.truncated)
        #expect((2...4).contains(limited.rows.count))
        for row in limited.rows {
            let full = comparison.rows.first { $0.tag == row.tag }
            #expect(row.sourceDigest == nil || row.sourceDigest == full?.sourceDigest)
            #expect(row.targetDigest == nil || row.targetDigest == full?.targetDigest)
        }
    }

    @Test func aMissingTargetIsEmpty() async throws {
        let state = try await RegistryHarness.shared()
        let (source, target) = Self.repositories()
        let digest = try Self.push(state.anonymous, source, ["a", "b"], "\(source) only")
        let provider = try await Self.provider(state.anonymous)
        let comparison = try await DriftComparison.load(source: (provider, source), target: (provider, target))
        #expect(
            comparison.rows == [
                TagDrift(tag: "a", state: .missing, sourceDigest: digest, targetDigest: nil),
                TagDrift(tag: "b", state: .missing, sourceDigest: digest, targetDigest: nil),
            ])
        #expect(comparison.targetMissing)
        #expect(comparison.count(.missing) == 2)
    }

    @Test func aMissingSourceIsAnError() async throws {
        let state = try await RegistryHarness.shared()
        let (source, target) = Self.repositories()
        _ = try Self.push(state.anonymous, target, ["a"], "\(target) only")
        let provider = try await Self.provider(state.anonymous)
        let error = await #expect(throws: RegistryError.self) {
            try await DriftComparison.load(source: (provider, source), target: (provider, target))
        }
        #expect(error?.code == .notFound)
    }

    @Test func anACRInstanceMatchesTheRegistryBehindIt() async throws {
        let emulator = try await ACREmulator.shared()
        let state = try await RegistryHarness.shared()
        let acr = try await ACRTestSession.mainProvider(emulator)
        let repository = "ns/web"
        let comparison = try await DriftComparison.load(
            source: (acr, repository), target: (try await Self.provider(state.anonymous), repository))
        let seeded = try #require(state.seed.repositories[repository])
        for (tag, expected) in seeded {
            let row = comparison.rows.first { $0.tag == tag }
            #expect(row?.state == .same)
            #expect(row?.sourceDigest?.description == expected.digest)
        }
        // The registry's referrers fallback tags, which the ACR instance does not list as tags.
        #expect(comparison.count(.same) == seeded.count)
        let extra = comparison.rows.filter { $0.state != .same }
        #expect(extra.count == 2)
        #expect(extra.allSatisfy { $0.state == .extra && RegistryClient.Tag(name: $0.tag).isReferrersTag })
    }
}
