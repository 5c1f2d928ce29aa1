import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The Harbor provider against the Harbor emulator over the seeded registry: projects, repositories
/// and artifacts through API v2.0, scans and their reports, deletes, and errors.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct HarborProviderTests {
    private static func provider(
        _ emulator: HarborEmulator, password: String? = nil, readOnly: Bool = false
    ) throws -> HarborProvider {
        let url = try #require(URL(string: emulator.url))
        let instance = Instance(
            name: "hb", kind: .harbor, url: url, origin: .config, insecure: true, readOnly: readOnly)
        return HarborProvider(
            instance: instance, baseURL: url, http: CurlHTTPClient(),
            credentials: .password(username: emulator.username, password: password ?? emulator.password),
            chain: CredentialChain(environment: [:]), content: ContentStore(directory: nil))
    }

    @Test func projectsRepositoriesAndArtifactsMatchTheRegistry() async throws {
        let state = try await RegistryHarness.shared()
        let emulator = try await HarborEmulator.start(registry: state.basic)
        defer { emulator.stop() }
        let provider = try Self.provider(emulator)
        try await provider.probe()

        let namespaces = try await provider.namespaces().collect()
        let ns = try #require(namespaces.first { $0.name == "ns" })
        #expect(ns.visibility == .private)
        #expect(ns.storageUsed ?? 0 > 0, "the summary's used storage")
        #expect(ns.storageLimit == nil, "-1 means unlimited")

        let repositories = try await provider.repositories(namespace: "ns").collect().map(\.name)
        #expect(Set(["ns/app", "ns/web"]).isSubset(of: Set(repositories)))

        let seeded = try #require(state.seed.repositories["ns/app"])
        let tags = try await provider.tags(repository: "ns/app").collect()
        let seededNames = Set(seeded.keys.filter { !$0.hasPrefix("sha256-") })
        #expect(Set(tags.map(\.name)) == seededNames, "one row per tag; the referrers' fallback tag is an accessory")
        #expect(tags.first { $0.name == "1.10.0" }?.details?.accessories == ["subject.accessory"], "the SARIF referrer")
        for tag in tags {
            #expect(tag.details?.digest.description == seeded[tag.name]?.digest, "\(tag.name)")
        }
        let pushed = tags.compactMap { $0.details?.updated }
        #expect(pushed == pushed.sorted(by: >), "newest pushed first")
        let latest = try #require(tags.first { $0.name == "latest" }?.details)
        #expect(latest.digest == tags.first { $0.name == "1.10.0" }?.details?.digest, "one artifact, two tags")
        let multi = try #require(tags.first { $0.name == "multi" }?.details)
        #expect(multi.platforms.map(\.description).sorted() == ["linux/amd64", "linux/arm64/v8"])
        #expect(latest.serverScan == nil, "never scanned")

        #expect(
            try await provider.currentDigest(repository: "ns/app", tag: "1.0.0")?.description == seeded["1.0.0"]?.digest
        )
        #expect(try await provider.currentDigest(repository: "ns/app", tag: "no-such-tag") == nil)
    }

    @Test func aScanIsFollowedAndTheListingCarriesItsCounts() async throws {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let provider = try Self.provider(emulator)
        #expect(try await provider.scanState(repository: "ns/app", tag: "1.0.0") == .none)
        try await provider.startScan(repository: "ns/app", tag: "1.0.0")
        await #expect(throws: RegistryError.self) { try await provider.startScan(repository: "ns/app", tag: "1.0.0") }
        let state = try await provider.waitForScan(repository: "ns/app", tag: "1.0.0", every: .milliseconds(20))
        #expect(state == .complete)

        let digest = try #require(try await provider.currentDigest(repository: "ns/app", tag: "1.0.0"))
        let report = try #require(try await provider.scanReport(repository: "ns/app", tag: "1.0.0", digest: digest))
        #expect(report.format == .harbor)
        #expect((2...5).contains(report.findings.count), "the emulator reports 2 to 5 findings")
        #expect(report.findings.allSatisfy { $0.id.hasPrefix("CVE-") })

        let tags = try await provider.tags(repository: "ns/app").collect()
        let overview = try #require(tags.first { $0.name == "1.0.0" }?.details?.serverScan)
        #expect(overview.state == .complete)
        #expect(overview.counts == report.counts, "the listing's summary equals the report's findings")
        #expect(overview.scanner == "Trivy v0.51.2")
        #expect(try await provider.scanSummary(repository: "ns/app", tag: "1.0.0") == report.counts)

        let never = try #require(try await provider.currentDigest(repository: "ns/app", tag: "1.2.0"))
        #expect(try await provider.scanReport(repository: "ns/app", tag: nil, digest: never) == nil)
    }

    @Test func deletingAnArtifactTakesEveryTagOnItAndReadOnlyRefuses() async throws {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let digest = try #require(
            try await Self.provider(emulator).currentDigest(repository: "ns/app", tag: "latest"))

        let readOnly = try Self.provider(emulator, readOnly: true)
        await #expect(throws: RegistryError.self) {
            try await readOnly.deleteManifest(repository: "ns/app", digest: digest)
        }

        let provider = try Self.provider(emulator)
        try await provider.deleteManifest(repository: "ns/app", digest: digest)
        let names = Set(try await provider.tags(repository: "ns/app").collect().map(\.name))
        #expect(!names.contains("latest") && !names.contains("1.10.0"))
        #expect(names.contains("1.0.0"))
        do {
            try await provider.deleteManifest(repository: "ns/app", digest: digest)
            Issue.record("a second delete should find nothing")
        } catch let error as RegistryError {
            #expect(error.code == .notFound)
        }
    }

    @Test func wrongCredentialsNameTheUser() async throws {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let provider = try Self.provider(emulator, password: "wrong")
        do {
            _ = try await provider.namespaces().collect()
            Issue.record("a wrong password must fail")
        } catch let error as RegistryError {
            #expect(error.code == .unauthorized)
            #expect(error.hint?.contains("'admin'") == true, "\(error)")
            #expect(error.message.contains("listing projects"))
        }
    }
}
