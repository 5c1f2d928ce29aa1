import CurlHTTP
import Foundation
import RegistryClient
import Synchronization
import TestSupport
import Testing

/// The storage view: bytes per repository and namespace with shared blobs counted once, image sizes
/// as estimates where no blob list is known, and the loader against the real registry (and the ACR
/// emulator, whose tag lists carry sizes only).
struct StorageEstimateTests {
    // MARK: Helpers

    private static func digest(_ hex: Character) -> Digest {
        Digest("sha256:" + String(repeating: hex, count: 64))!
    }

    private static func blob(_ hex: Character, _ size: Int64) -> Blob {
        Blob(digest: digest(hex), size: size)
    }

    /// A tag on manifest `manifest` with `blobs` listed, or only `size` when `blobs` is empty.
    private static func tag(
        _ name: String, manifest: Character, blobs: [Blob] = [], size: Int64? = nil
    ) -> RegistryClient.Tag {
        RegistryClient.Tag(
            name: name,
            details: TagDetails(
                digest: digest(manifest), mediaType: "application/vnd.oci.image.manifest.v1+json",
                size: size ?? blobs.map(\.size).reduce(0, +), created: nil, platforms: [], blobs: blobs))
    }

    private static func session() -> RegistrySession {
        RegistrySession(
            config: Config(), http: CurlHTTPClient(), environment: ["HOME": NSTemporaryDirectory()],
            content: ContentStore(directory: nil))
    }

    private static func uniqueName(_ label: String) -> String {
        "scratch/cap-\(label)-\(UUID().uuidString.lowercased().prefix(8))"
    }

    // MARK: Computation

    @Test func sharedBlobsCountOncePerRepositoryAndNamespace() throws {
        let layer = Self.blob("1", 1000)
        let estimate = StorageEstimate(tags: [
            "team/app": [
                Self.tag("v1", manifest: "a", blobs: [Self.blob("c", 100), layer]),
                Self.tag("v2", manifest: "b", blobs: [Self.blob("d", 110), layer]),
                Self.tag("latest", manifest: "b", blobs: [Self.blob("d", 110), layer]),
            ],
            "team/web": [Self.tag("v1", manifest: "e", blobs: [Self.blob("f", 50), layer])],
            "solo": [Self.tag("x", manifest: "2", blobs: [Self.blob("3", 7), Self.blob("4", 3)])],
        ])
        #expect(
            estimate.repositories == [
                RepositoryStorage(repository: "solo", bytes: 10, tagCount: 1),
                RepositoryStorage(repository: "team/app", bytes: 1210, tagCount: 3),
                RepositoryStorage(repository: "team/web", bytes: 1050, tagCount: 1),
            ])
        #expect(
            estimate.namespaces == [
                NamespaceStorage(namespace: "", repositoryCount: 1, bytes: 10, tagCount: 1),
                NamespaceStorage(namespace: "team", repositoryCount: 2, bytes: 1260, tagCount: 4),
            ])
        #expect(estimate.repositories.map(\.namespace) == ["", "team", "team"])
        #expect(!estimate.truncated)
    }

    @Test func tagsWithoutBlobListsCountTheirSizeAsAnEstimate() {
        let brokenTag = RegistryClient.Tag(name: "broken")
        let noSize = RegistryClient.Tag(
            name: "nosize",
            details: TagDetails(digest: Self.digest("9"), mediaType: "", size: nil, created: nil, platforms: []))
        let estimate = StorageEstimate(
            tags: [
                "acr/app": [
                    Self.tag("v1", manifest: "a", size: 500), Self.tag("alias", manifest: "a", size: 500),
                    Self.tag("v2", manifest: "b", size: 300), brokenTag, noSize,
                ],
                "acr/exact": [Self.tag("v1", manifest: "c", blobs: [Self.blob("d", 40)])],
            ], truncated: true)
        #expect(
            estimate.repositories == [
                RepositoryStorage(repository: "acr/app", bytes: 800, tagCount: 5, unknownTags: 2, estimated: true),
                RepositoryStorage(repository: "acr/exact", bytes: 40, tagCount: 1),
            ])
        #expect(
            estimate.namespaces == [
                NamespaceStorage(
                    namespace: "acr", repositoryCount: 2, bytes: 840, tagCount: 6, unknownTags: 2, estimated: true)
            ])
        #expect(estimate.truncated)
    }

    @Test func sumsSaturateInsteadOfTrapping() {
        let estimate = StorageEstimate(tags: [
            "huge": [Self.tag("v1", manifest: "a", blobs: [Self.blob("b", .max - 1), Self.blob("c", 5)], size: 0)]
        ])
        #expect(estimate.repositories.map(\.bytes) == [.max])
        #expect(estimate.namespaces.map(\.bytes) == [.max])
    }

    @Test func rowsSortByBytesDescendingOrByName() {
        let rows = [
            RepositoryStorage(repository: "b", bytes: 5, tagCount: 1),
            RepositoryStorage(repository: "c", bytes: 9, tagCount: 1),
            RepositoryStorage(repository: "a", bytes: 5, tagCount: 1),
        ]
        #expect(StorageOrder.bytes.sorted(rows).map(\.repository) == ["c", "a", "b"])
        #expect(StorageOrder.name.sorted(rows).map(\.repository) == ["a", "b", "c"])
        let namespaces = [
            NamespaceStorage(namespace: "x", repositoryCount: 1, bytes: 1, tagCount: 1),
            NamespaceStorage(namespace: "", repositoryCount: 1, bytes: 2, tagCount: 1),
            NamespaceStorage(namespace: "y", repositoryCount: 1, bytes: 3, tagCount: 1),
        ]
        #expect(StorageOrder.bytes.sorted(namespaces).map(\.namespace) == ["y", "", "x"])
        #expect(StorageOrder.name.sorted(namespaces).map(\.namespace) == ["", "x", "y"])
    }

    // MARK: Loading

    @Test(.enabled(if: RegistryHarness.isEnabled))
    func loadReadsBlobsFromManifestsAndReportsProgress() async throws {
        let state = try await RegistryHarness.shared()
        let provider = try await Self.session().provider(for: state.anonymous.host)
        let single = Self.uniqueName("single")
        let shared = Self.uniqueName("shared")
        let content = "layer \(UUID().uuidString)"
        let first = try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: single, tags: ["v1", "latest"], content: content)
        let older = try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: shared, tags: ["old"], content: content,
            created: "2024-01-01T00:00:00Z")
        let newer = try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: shared, tags: ["new"], content: content,
            created: "2024-02-01T00:00:00Z")
        let singleSize = try #require(first["v1"]?.size)
        let olderSize = try #require(older["old"]?.size)
        let newerSize = try #require(newer["new"]?.size)
        #expect(older["old"]?.digest != newer["new"]?.digest)

        let reports = ProgressLog()
        let estimate = try await StorageEstimate.load(provider: provider, namespace: "scratch") { done, total in
            reports.calls.withLock { $0.append((done, total)) }
        }
        let singleRow = try #require(estimate.repositories.first { $0.repository == single })
        #expect(singleRow == RepositoryStorage(repository: single, bytes: singleSize, tagCount: 2))
        // Two images with one layer between them: their configs plus the layer once.
        let sharedRow = try #require(estimate.repositories.first { $0.repository == shared })
        #expect(sharedRow.tagCount == 2)
        #expect(!sharedRow.estimated)
        #expect(sharedRow.bytes < olderSize + newerSize)
        #expect(sharedRow.bytes > max(olderSize, newerSize))
        #expect(estimate.repositories.allSatisfy { $0.namespace == "scratch" })
        #expect(estimate.namespaces.map(\.namespace) == ["scratch"])
        #expect(!estimate.truncated)

        let seen = reports.calls.withLock { $0 }
        let total = try #require(seen.first?.1)
        #expect(total >= 2)
        #expect(seen.allSatisfy { $0.1 == total })
        #expect(seen.map(\.0).sorted() == Array(0...total))
    }

    /// The paged registry lists the catalog two repositories a page, so the cap stops mid-listing.
    @Test(.enabled(if: RegistryHarness.isEnabled))
    func capsTruncateTheView() async throws {
        let state = try await RegistryHarness.shared()
        let provider = try await Self.session().provider(for: state.paged.host)
        let repository = Self.uniqueName("capped")
        for tag in ["a", "b", "c"] {
            try RegistryHarness.seedImage(
                registry: state.anonymous.url, repository: repository, tags: [tag], content: "\(repository) \(tag)")
        }
        // A second repository, so the namespace holds more than one whatever other tests push.
        try RegistryHarness.seedImage(
            registry: state.anonymous.url, repository: Self.uniqueName("capped"), tags: ["a"], content: repository)
        let fewRepositories = try await StorageEstimate.load(
            provider: provider, namespace: "scratch", maxRepositories: 1)
        #expect(fewRepositories.repositories.count == 1)
        #expect(fewRepositories.truncated)

        let fewTags = try await StorageEstimate.load(provider: provider, namespace: "scratch", maxTagsPerRepository: 2)
        #expect(fewTags.repositories.first { $0.repository == repository }?.tagCount == 2)
        #expect(fewTags.truncated)
    }

    @Test(.enabled(if: RegistryHarness.isEnabled))
    func sizesListedWithoutBlobsAreEstimates() async throws {
        let emulator = try await ACREmulator.shared()
        let seed = try await RegistryHarness.shared().seed
        let provider = try await ACRTestSession.mainProvider(emulator)
        let size = try #require(seed.repositories["mirror/library/alpine"]?["3.19"]?.size)
        let estimate = try await StorageEstimate.load(provider: provider, namespace: "mirror")
        #expect(
            estimate.repositories == [
                RepositoryStorage(repository: "mirror/library/alpine", bytes: size, tagCount: 1, estimated: true)
            ])
        #expect(
            estimate.namespaces == [
                NamespaceStorage(namespace: "mirror", repositoryCount: 1, bytes: size, tagCount: 1, estimated: true)
            ])

        // Reading the manifests turns the estimate into a count of the blobs the image references.
        let exact = try await StorageEstimate.load(provider: provider, namespace: "mirror", layers: true)
        #expect(
            exact.repositories == [RepositoryStorage(repository: "mirror/library/alpine", bytes: size, tagCount: 1)])
        #expect(exact.namespaces.first?.estimated == false)
    }
}

/// The progress reports a load made, from whichever task made them.
private final class ProgressLog: Sendable {
    let calls = Mutex<[(Int, Int)]>([])
}
