import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The ACR provider against the OpenAPI emulator, whose instance `emulator-main` serves the shared
/// registry's repositories: listing, paging, tag details through the registry endpoint, errors that
/// name what to fix, management, scans and server-side lifecycle rules.
///
/// Tests that only read use the shared emulator; tests that change a model, inject faults or read
/// the request log use this suite's own emulator, which is why the suite runs serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRProviderTests {
    // MARK: Helpers

    /// Started once: an emulator reads every manifest of the registry at startup, which takes a while.
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// This suite's emulator, back to its startup model, without faults and with an empty request log.
    private static func privateEmulator() async throws -> ACREmulator {
        let emulator = try await ownEmulator.value
        try await emulator.restoreStartupState()
        return emulator
    }

    /// The repositories the emulator's main instance holds: seeded names with at least two segments.
    private static func expectedRepositories(_ seed: Seed) -> Set<String> {
        Set(seed.repositories.keys.filter { $0.contains("/") })
    }

    /// The repositories the provider lists, without those other tests push under `scratch/`.
    private static func seededRepositoryNames(
        _ provider: any RegistryProvider, namespace: String?
    ) async throws -> Set<String> {
        Set(
            try await provider.repositories(namespace: namespace).collect().map(\.name).filter {
                !$0.hasPrefix("scratch/")
            })
    }

    private static func tagNames(_ provider: any RegistryProvider, _ repository: String) async throws -> Set<String> {
        Set(try await provider.tags(repository: repository).collect().map(\.name))
    }

    // MARK: Instances

    @Test func instancesListsEveryEmulatedInstanceWithItsFacts() async throws {
        let emulator = try await ACREmulator.shared()
        let instances = try await ACRTestSession.make(emulator).instances()
        let acr = instances.filter { $0.kind == .acr }
        #expect(Set(acr.map(\.name)) == Set(emulator.instances.map { "acr.\($0.name)" }))
        #expect(Set(acr.map(\.name)) == ["acr.emulator-main", "acr.emulator-empty"])
        for listed in emulator.instances {
            let instance = try #require(acr.first { $0.name == "acr.\(listed.name)" })
            #expect(instance.serverID == listed.id)
            #expect(instance.specification?.hasPrefix("Enterprise_") == true)
            #expect(instance.state == "RUNNING")
            let source = try #require(instance.credentialSource)
            #expect(source.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
            #expect(!source.contains(emulator.key.secret))
            #expect(instance.unavailableReason == nil)
            #expect(instance.region == "cn-hangzhou")
            #expect(!instance.readOnly)
        }
        #expect(acr.first { $0.name == "acr.emulator-main" }?.specification == "Enterprise_Advanced")
        #expect(
            !instances.contains { instance in
                [
                    instance.serverID, instance.specification, instance.state, instance.credentialSource,
                    instance.unavailableReason,
                ]
                .contains { $0?.contains(emulator.key.secret) == true }
            })
    }

    @Test func anEntryWithAnInstanceIDIsThatOneInstanceNamedAfterTheEntry() async throws {
        let emulator = try await ACREmulator.shared()
        let entry = ACRTestSession.entry(emulator, name: "empty", instanceID: "cri-emulated0002")
        let session = try ACRTestSession.make(emulator, entries: [entry])
        let instances = await session.instances().filter { $0.kind == .acr }
        #expect(instances.map(\.name) == ["empty"])
        #expect(instances.first?.serverID == "cri-emulated0002")
        #expect(instances.first?.specification == "Enterprise_Basic")
        let provider = try await session.provider(for: "empty")
        #expect(provider.instance.name == "empty")
        try await provider.probe()
        #expect(try await provider.repositories(namespace: nil).collect().isEmpty)
    }

    @Test func aWrongSecretIsOneRowThatNamesTheSignatureAndTheKey() async throws {
        let emulator = try await ACREmulator.shared()
        var wrong = emulator.key
        wrong.secret = String(wrong.secret.reversed())
        let session = try ACRTestSession.make(emulator, key: wrong)
        let instances = await session.instances().filter { $0.kind == .acr }
        #expect(instances.map(\.name) == ["acr"])
        let message = try #require(instances.first?.unavailableReason)
        #expect(message.contains("signature"))
        #expect(message.contains("AccessKey"))
        #expect(message.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
        #expect(!message.contains(wrong.secret))
        let error = await ACRTestSession.registryError { _ = try await session.provider(for: "acr.emulator-main") }
        #expect(error?.code == .unauthorized)
        #expect(error?.serverCode == "SignatureDoesNotMatch")
        #expect(error.map { !$0.description.contains(wrong.secret) } ?? false)
    }

    // MARK: Browsing

    @Test func namespacesAndRepositoriesMatchTheSeededRegistry() async throws {
        let emulator = try await ACREmulator.shared()
        let seed = try await RegistryHarness.shared().seed
        let provider = try await ACRTestSession.mainProvider(emulator)
        let expected = Self.expectedRepositories(seed)

        let namespaces = try await provider.namespaces().collect()
        let names = Set(namespaces.map(\.name))
        // Other tests may push repositories under scratch/ before the emulator reads the registry.
        #expect(names.subtracting(["scratch"]) == Set(expected.map { Namespace.of(repository: $0) }))
        #expect(names.subtracting(["scratch"]) == Set(seed.namespaces.keys.filter { !$0.isEmpty }))
        for namespace in namespaces {
            #expect(namespace.instance == "acr.emulator-main")
            #expect(namespace.serverID?.hasPrefix("crn-") == true)
            #expect(namespace.visibility != nil)
        }

        let repositories = try await provider.repositories(namespace: nil).collect()
        let repositoryNames = Set(repositories.map(\.name))
        #expect(repositoryNames.filter { !$0.hasPrefix("scratch/") } == expected)
        for repository in repositories {
            #expect(repository.serverID?.hasPrefix("crr-") == true, "\(repository.name)")
            #expect(repository.visibility != nil, "\(repository.name)")
        }

        let inNS = try await provider.repositories(namespace: "ns").collect().map(\.name)
        #expect(Set(inNS) == expected.filter { $0.hasPrefix("ns/") })
        #expect(inNS.count == Set(inNS).count)
    }

    @Test func bulkTagsArriveInPagesOfAHundredWithTheSeededDigests() async throws {
        let emulator = try await Self.privateEmulator()
        let seeded = try #require(try await RegistryHarness.shared().seed.repositories["bulk/many"])
        let provider = try await ACRTestSession.mainProvider(emulator)
        try await emulator.clearRequests()

        var pages = 0
        var digests: [String: String] = [:]
        var count = 0
        for try await page in provider.tags(repository: "bulk/many") {
            pages += 1
            count += page.count
            for tag in page { digests[tag.name] = tag.details?.digest.description }
        }
        #expect(pages >= 3)
        #expect(count == seeded.count)
        #expect(digests.count == seeded.count)
        #expect(digests == seeded.mapValues { $0.digest ?? "" })

        let calls = try await emulator.requests(action: "ListRepoTag")
        // 1500 tags at PageSize 100 (the request log does not keep query parameters).
        #expect(seeded.count == 1500)
        #expect(calls.count == 15)
        #expect(calls.allSatisfy { $0.status == 200 && $0.accessKeyId == emulator.key.id })
    }

    @Test func tagDetailsAndArtifactReadTheRegistryWithTemporaryCredentials() async throws {
        let emulator = try await ACREmulator.shared()
        let seeded = try #require(try await RegistryHarness.shared().seed.repositories["ns/web"]?["v2"])
        let provider = try await ACRTestSession.mainProvider(emulator)

        let details = try await provider.tagDetails(repository: "ns/web", tag: "v2")
        #expect(details.digest.description == seeded.digest)
        #expect(details.mediaType == seeded.mediaType)
        #expect(details.platforms.map(\.description) == seeded.platforms)
        #expect(details.size == seeded.size)
        // ACR's push time: the emulator answers the image config's `created` (an index: its first child's).
        #expect(details.updated == seeded.created.flatMap { ISO8601DateFormatter().date(from: $0) })
        #expect(details.updated == ISO8601DateFormatter().date(from: "2023-06-01T00:00:00Z"))

        let reference = try Reference.parse("acr.emulator-main/ns/web:v2")
        let artifact = try await provider.artifact(reference)
        #expect(artifact.digest.description == seeded.digest)
        #expect(artifact.platforms.map(\.description) == seeded.platforms)
        #expect(artifact.mediaType == seeded.mediaType)

        let stable = try #require(try await RegistryHarness.shared().seed.repositories["ns/web"]?["stable"])
        let index = try await provider.tagDetails(repository: "ns/web", tag: "stable")
        #expect(index.digest.description == stable.digest)
        #expect(index.platforms.map(\.description) == stable.platforms)

        #expect(try await provider.currentDigest(repository: "ns/web", tag: "v2")?.description == seeded.digest)
        #expect(try await provider.currentDigest(repository: "ns/web", tag: "no-such-tag") == nil)
    }

    // MARK: Errors

    @Test func throttlingIsRetriedUntilTheBudgetRunsOut() async throws {
        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator)

        try await emulator.throttle(action: "ListNamespace", times: 2, retryAfterMs: 50)
        let namespaces = try await provider.namespaces().collect()
        #expect(namespaces.contains { $0.name == "ns" })
        let calls = try await emulator.requests(action: "ListNamespace")
        #expect(calls.count == 3)
        #expect(calls.map(\.code) == ["Throttling.User", "Throttling.User", "success"])

        // The client retries 4 times: a fifth throttled answer is final.
        try await emulator.throttle(action: "ListNamespace", times: 6, retryAfterMs: 50)
        let error = await ACRTestSession.registryError { _ = try await provider.namespaces().collect() }
        #expect(error?.code == .rateLimited)
        #expect(error?.serverCode == "Throttling.User")
        #expect(error?.message.contains("ListNamespace") == true)
        #expect(try await emulator.requests(action: "ListNamespace").count == 3 + 5)
    }

    @Test func missingPermissionsAndSoftFailuresSayWhatToFix() async throws {
        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator)

        try await emulator.denyPrivilege(action: "ListRepository")
        let denied = await ACRTestSession.registryError {
            _ = try await provider.repositories(namespace: nil).collect()
        }
        #expect(denied?.code == .denied)
        #expect(denied?.message.contains("cr:ListRepository") == true)
        #expect(denied?.hint?.contains("cr:ListRepository") == true)
        #expect(denied?.status == 403)

        try await emulator.failSoftly(action: "GetInstance")
        let soft = await ACRTestSession.registryError { try await provider.probe() }
        #expect(soft?.code == .server)
        #expect(soft?.message.contains("IsSuccess") == true)
        #expect(soft?.message.contains("GetInstance") == true)

        // Both faults were used up: the same calls succeed now.
        try await provider.probe()
        let seed = try await RegistryHarness.shared().seed
        #expect(try await Self.seededRepositoryNames(provider, namespace: nil) == Self.expectedRepositories(seed))
    }

    @Test func aReadOnlyKeyListsButCannotCreate() async throws {
        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator, key: emulator.readOnlyKey)
        #expect(try await provider.namespaces().collect().contains { $0.name == "ns" })
        let seed = try await RegistryHarness.shared().seed
        #expect(
            try await Self.seededRepositoryNames(provider, namespace: "ns")
                == Self.expectedRepositories(seed).filter { $0.hasPrefix("ns/") })
        let manager = try #require(provider as? any NamespaceManaging)
        let error = await ACRTestSession.registryError {
            try await manager.createNamespace("ro-attempt", settings: NamespaceSettings())
        }
        #expect(error?.code == .denied)
        #expect(error?.message.contains("cr:CreateNamespace") == true)
        #expect(error.map { !$0.description.contains(emulator.readOnlyKey.secret) } ?? false)
        #expect(!(try await provider.namespaces().collect().contains { $0.name == "ro-attempt" }))
    }

    @Test func anSTSKeyWorksForListing() async throws {
        let emulator = try await ACREmulator.shared()
        let seed = try await RegistryHarness.shared().seed
        let session = try ACRTestSession.make(emulator, key: emulator.stsKey)
        let instances = await session.instances().filter { $0.kind == .acr }
        #expect(instances.count == 2)
        #expect(instances.allSatisfy { $0.unavailableReason == nil })
        let provider = try await session.provider(for: "acr.emulator-main")
        #expect(try await Self.seededRepositoryNames(provider, namespace: nil) == Self.expectedRepositories(seed))
        let web = try #require(seed.repositories["ns/web"]).filter { $0.value.referrersIndex != true }
        #expect(try await Self.tagNames(provider, "ns/web") == Set(web.keys))
    }

    @Test func anUnknownRegionSuggestsTheClosestOne() async throws {
        let emulator = try await ACREmulator.shared()
        let entry = ACRTestSession.entry(emulator, region: "cn-hangzou", endpoint: false)
        let session = try ACRTestSession.make(emulator, entries: [entry])
        let rows = await session.instances().filter { $0.kind == .acr }
        #expect(rows.map(\.name) == ["acr"])
        #expect(rows.first?.unavailableReason?.contains("cn-hangzou") == true)
        let error = await ACRTestSession.registryError { _ = try await session.provider(for: "acr") }
        #expect(error?.code == .unknownRegion)
        let hint = try #require(error?.hint)
        #expect(hint.contains("did you mean cn-hangzhou"))
        #expect(hint.contains("valid regions:"))
        for region in ["cn-shanghai", "ap-southeast-1", "eu-central-1"] { #expect(hint.contains(region)) }
        let named = await ACRTestSession.registryError { _ = try await session.provider(for: "acr.emulator-main") }
        #expect(named?.code == .unknownRegion)
    }

    // MARK: Management

    @Test func namespaceAndRepositoryLifecycle() async throws {
        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator)
        let namespaces = try #require(provider as? any NamespaceManaging)
        let repositories = try #require(provider as? any RepositoryManaging)
        func namespace(_ name: String) async throws -> Namespace? {
            try await provider.namespaces().collect().first { $0.name == name }
        }
        func repository(_ name: String) async throws -> Repository? {
            try await provider.repositories(namespace: Namespace.of(repository: name)).collect().first {
                $0.name == name
            }
        }

        try await namespaces.createNamespace(
            "team-a", settings: NamespaceSettings(autoCreateRepositories: false, defaultVisibility: .public))
        let created = try #require(try await namespace("team-a"))
        #expect(created.visibility == .public)
        #expect(created.autoCreateRepositories == false)

        try await namespaces.updateNamespace(
            "team-a", settings: NamespaceSettings(autoCreateRepositories: true, defaultVisibility: .private))
        let updated = try #require(try await namespace("team-a"))
        #expect(updated.visibility == .private)
        #expect(updated.autoCreateRepositories == true)
        #expect(updated.serverID == created.serverID)

        let summary = "接口服务镜像 — 测试环境"
        try await repositories.createRepository(
            "team-a/api", settings: RepositorySettings(summary: summary, visibility: .private))
        let api = try #require(try await repository("team-a/api"))
        #expect(api.summary == summary)
        #expect(api.visibility == .private)
        #expect(api.serverID?.hasPrefix("crr-") == true)

        try await repositories.updateRepository(
            "team-a/api", settings: RepositorySettings(summary: summary, visibility: .public))
        let publicAPI = try #require(try await repository("team-a/api"))
        #expect(publicAPI.visibility == .public)
        #expect(publicAPI.summary == summary)

        try await repositories.deleteRepository("team-a/api")
        #expect(try await repository("team-a/api") == nil)
        try await namespaces.deleteNamespace("team-a")
        #expect(try await namespace("team-a") == nil)
        let again = await ACRTestSession.registryError { try await namespaces.deleteNamespace("team-a") }
        #expect(again?.code == .notFound)
    }

    @Test func deletingAManifestDeletesEveryTagOnItsDigest() async throws {
        let seed = try await RegistryHarness.shared().seed
        // A seeded repository the emulator serves in which two tags share one digest.
        let shared = Self.expectedRepositories(seed).sorted().lazy.compactMap {
            name -> (String, String, Set<String>)? in
            let byDigest = Dictionary(
                grouping: seed.repositories[name]!.filter { $0.value.digest != nil }, by: { $0.value.digest! })
            guard let (digest, tags) = byDigest.first(where: { $0.value.count >= 2 }) else { return nil }
            return (name, digest, Set(tags.map(\.key)))
        }.first
        let (repository, digestText, sharing) = try #require(shared, "the seed has no repository with a shared digest")
        let digest = try #require(Digest(digestText))

        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator)
        let before = try await Self.tagNames(provider, repository)
        #expect(before.isSuperset(of: sharing))

        try await provider.deleteManifest(repository: repository, digest: digest)
        let after = try await Self.tagNames(provider, repository)
        #expect(after == before.subtracting(sharing))
        #expect(!after.isEmpty, "the other tags are intact")
        #expect(try await emulator.requests(action: "DeleteRepoTag").count == sharing.count)
        let gone = await ACRTestSession.registryError {
            try await provider.deleteManifest(repository: repository, digest: digest)
        }
        #expect(gone?.code == .notFound)

        let readOnly = try ACRTestSession.make(emulator, entries: [ACRTestSession.entry(emulator, readOnly: true)])
        let guarded = try await readOnly.provider(for: "acr.emulator-main")
        #expect(guarded.instance.readOnly)
        let refused = await ACRTestSession.registryError {
            try await guarded.deleteManifest(repository: repository, digest: digest)
        }
        #expect(refused?.code == .readOnly)
    }

    // MARK: Scans

    @Test func aServerScanRunsToCompletionAndItsReportMatchesTheSummary() async throws {
        let emulator = try await Self.privateEmulator()
        let seeded = try #require(try await RegistryHarness.shared().seed.repositories["ns/web"]?["v2"]?.digest)
        let provider = try await ACRTestSession.mainProvider(emulator)
        let scanner = try #require(provider as? any ServerScanning)
        let digest = try #require(Digest(seeded))

        #expect(try await scanner.scanState(repository: "ns/web", tag: "v2") == .none)
        #expect(try await provider.scanReport(repository: "ns/web", tag: "v2", digest: digest) == nil)
        try await scanner.startScan(repository: "ns/web", tag: "v2")
        var states: [ServerScanState] = []
        for _ in 0..<20 {
            let state = try await scanner.scanState(repository: "ns/web", tag: "v2")
            states.append(state)
            if state == .complete { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(states.first == .scanning)
        #expect(states.last == .complete)

        let summary = try await scanner.scanSummary(repository: "ns/web", tag: "v2")
        let report = try #require(try await provider.scanReport(repository: "ns/web", tag: "v2", digest: digest))
        #expect(report.format == .acr)
        // The emulator picks an image's findings by hashing its digest, which the seed fixes.
        #expect(
            report.findings.map {
                "\($0.vulnerability) \($0.package) \($0.installedVersion) → \($0.fixedVersion ?? "")"
            } == [
                "CVE-2023-38545 curl 8.2.1-r0 → 8.4.0-r0", "CVE-2023-4911 libc6 2.36-9+deb12u1 → 2.36-9+deb12u3",
                "CVE-2023-5363 openssl 3.0.11-1~deb12u1 → 3.0.11-1~deb12u2",
                "CVE-2024-0727 libcrypto3 3.1.4-r2 → 3.1.4-r5",
            ])
        #expect(report.findings.map(\.sourceSeverity) == ["High", "High", "High", "Unknown"])
        #expect(report.findings.map(\.severity) == [.high, .high, .high, .unknown])
        #expect(summary == [.high: 3, .medium: 0, .low: 0, .unknown: 1])
        #expect(report.counts == [.high: 3, .unknown: 1])
        // A digest without a tag finds the tag.
        let byDigest = try await provider.scanReport(repository: "ns/web", tag: nil, digest: digest)
        #expect(byDigest?.findings.map(\.id) == report.findings.map(\.id))
    }

    // MARK: Lifecycle rules

    @Test func lifecycleRulesLiveOnTheServer() async throws {
        let emulator = try await Self.privateEmulator()
        let provider = try await ACRTestSession.mainProvider(emulator)
        let home = try TestPaths.temporaryDirectory("acr-xdg")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = provider.lifecycleRuleStore(directories: XDGDirectories(environment: ["HOME": home.path]))
        #expect(store.runsOnServer)
        #expect(try await store.rules().isEmpty)

        let rule = LifecycleRule(
            id: "keep-releases", scope: .repository("ns/web"), retentionTagCount: 5, tagRegexp: "^release-",
            schedule: .week, auto: true)
        let saved = try await store.save(rule)
        #expect(saved.id.hasPrefix("cralr-"))
        var listed = try await store.rules()
        #expect(listed.count == 1)
        var expected = rule
        expected.id = saved.id
        #expect(listed.first == expected)

        var changed = expected
        changed.retentionTagCount = 3
        let resaved = try await store.save(changed)
        #expect(resaved.id == saved.id)
        listed = try await store.rules()
        #expect(listed == [changed], "Update resends every field: the regexp, schedule and auto survive")
        let updates = try await emulator.requests(action: "UpdateArtifactLifecycleRule")
        #expect(updates.count == 1)
        #expect(updates.first?.status == 200)
        #expect(try await emulator.requests(action: "CreateArtifactLifecycleRule").count == 1)

        var byAge = changed
        byAge.keepPushedWithinDays = 30
        let unsupported = await ACRTestSession.registryError { _ = try await store.save(byAge) }
        #expect(unsupported?.code == .unsupported)
        #expect(unsupported?.message.contains("keep_pushed_within_days") == true)
        #expect(try await store.rules() == [changed])

        try await store.delete(id: saved.id)
        #expect(try await store.rules().isEmpty)
    }
}
