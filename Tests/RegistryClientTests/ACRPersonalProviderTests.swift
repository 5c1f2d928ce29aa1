import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The Personal Edition provider against the emulator's 2016-06-07 API, whose model holds the
/// shared registry's two-segment repositories: listing and paging, tag details through the
/// registry with the API's temporary login, management, deletes, scans, webhooks, builds, errors
/// and client-side lifecycle rules.
///
/// The suite changes the model, so it runs serialized on its own emulator, restored before each test.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRPersonalProviderTests {
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    private static func emulator() async throws -> ACREmulator {
        let emulator = try await ownEmulator.value
        try await emulator.restoreStartupState()
        return emulator
    }

    /// The seeded repositories Personal Edition can hold: `namespace/name`, one segment each.
    private static func expectedRepositories(_ seed: Seed) -> Set<String> {
        Set(seed.repositories.keys.filter { $0.split(separator: "/").count == 2 })
    }

    private static func seededNames(
        _ provider: any RegistryProvider, namespace: String? = nil
    ) async throws -> Set<String> {
        let seed = try await RegistryHarness.shared().seed
        return Set(try await provider.repositories(namespace: namespace).collect().map(\.name))
            .intersection(expectedRepositories(seed))
    }

    private static func tagDigests(
        _ provider: any RegistryProvider, _ repository: String
    ) async throws -> [String: String] {
        Dictionary(
            try await provider.tags(repository: repository).collect().map {
                ($0.name, $0.details?.digest.description ?? "")
            }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Browsing

    @Test func theEntryIsOneInstanceShownAsPersonal() async throws {
        let emulator = try await Self.emulator()
        let instances = try await ACRTestSession.make(emulator, entries: [ACRTestSession.personalEntry(emulator)])
            .instances()
        let instance = try #require(instances.first { $0.name == "mine" })
        #expect(instance.kind == .acr)
        #expect(instance.specification == ACRPersonalProvider.specification)
        #expect(instance.serverID == nil)
        #expect(instance.region == emulator.region)
        #expect(instance.unavailableReason == nil)
        #expect(instance.credentialSource?.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") == true)
        #expect(instances.filter { $0.kind == .acr }.count == 1)
    }

    @Test func namespacesRepositoriesAndTagsMatchTheRegistry() async throws {
        let emulator = try await Self.emulator()
        let seed = try await RegistryHarness.shared().seed
        let provider = try await ACRTestSession.personalProvider(emulator)
        try await provider.probe()

        let expected = Self.expectedRepositories(seed)
        #expect(try await Self.seededNames(provider) == expected)
        #expect(try await Self.seededNames(provider, namespace: "ns") == ["ns/app", "ns/web"])

        let namespaces = try await provider.namespaces().collect()
        let ns = try #require(namespaces.first { $0.name == "ns" })
        #expect(ns.autoCreateRepositories == true)
        #expect(ns.visibility == .private)
        #expect(Set(expected.map { Namespace.of(repository: $0) }).isSubset(of: Set(namespaces.map(\.name))))
        #expect(namespaces.count == Set(namespaces.map(\.name)).count, "each namespace once")

        // Tags with ACR's digests, newest first; the referrers fallback tag is not an image.
        let app = try await provider.tags(repository: "ns/app").collect()
        let seededApp = try #require(seed.repositories["ns/app"]).filter { $0.value.referrersIndex != true }
        #expect(Set(app.map(\.name)) == Set(seededApp.keys))
        for tag in app {
            #expect(tag.details?.digest.description == seededApp[tag.name]?.digest, "\(tag.name)")
        }
        let times = app.compactMap(\.details?.updated)
        #expect(times.count == app.count && times == times.sorted(by: >))
    }

    @Test func fifteenHundredTagsArriveInPagesWithTheirDigests() async throws {
        let emulator = try await Self.emulator()
        let seed = try await RegistryHarness.shared().seed
        let provider = try await ACRTestSession.personalProvider(emulator)
        try await emulator.clearRequests()
        var pages = 0
        var digests: [String: String] = [:]
        for try await page in provider.tags(repository: "bulk/many") {
            pages += 1
            for tag in page { digests[tag.name] = tag.details?.digest.description }
        }
        let seeded = try #require(seed.repositories["bulk/many"])
        #expect(digests.count == seeded.count)
        #expect(digests == seeded.compactMapValues(\.digest))
        #expect(pages == (seeded.count + 99) / 100)
        #expect(try await emulator.requests(action: "GetRepoTags").count == pages)
    }

    @Test func tagDetailsAndArtifactsComeFromTheRegistryWithTheTemporaryLogin() async throws {
        let emulator = try await Self.emulator()
        let seed = try await RegistryHarness.shared().seed
        let provider = try await ACRTestSession.personalProvider(emulator)
        let multi = try #require(seed.repositories["ns/app"]?["multi"])
        let details = try await provider.tagDetails(repository: "ns/app", tag: "multi")
        #expect(details.digest.description == multi.digest)
        #expect(Set(details.platforms.map(\.description)) == Set(multi.platforms))
        #expect(details.updated != nil)
        let artifact = try await provider.artifact(Reference(locator: "mine", repository: "ns/app", tag: "1.10.0"))
        #expect(artifact.digest.description == seed.repositories["ns/app"]?["1.10.0"]?.digest)
        #expect(try await emulator.requests(action: "GetAuthorizationToken").count == 1)
        #expect(try await provider.currentDigest(repository: "ns/app", tag: "no-such-tag") == nil)

        // A configured registry host is used as it is, without asking the API for one.
        let host = try await RegistryHarness.shared().basic.host
        let configured = try await ACRTestSession.make(
            emulator, entries: [ACRTestSession.personalEntry(emulator, registry: host)]
        ).provider(for: "mine")
        try await emulator.clearRequests()
        #expect(try await configured.tagDetails(repository: "ns/app", tag: "multi").digest == details.digest)
        #expect(try await emulator.requests(action: "GetRepoList").isEmpty)
    }

    // MARK: Changes

    @Test func namespacesAndRepositoriesAreCreatedEditedAndDeleted() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator)
        let namespaces = try #require(provider as? any NamespaceManaging)
        let repositories = try #require(provider as? any RepositoryManaging)

        try await namespaces.createNamespace(
            "team-a", settings: NamespaceSettings(autoCreateRepositories: false, defaultVisibility: .public))
        var listed = try #require(try await provider.namespaces().collect().first { $0.name == "team-a" })
        #expect(listed.autoCreateRepositories == false && listed.visibility == .public)
        try await namespaces.updateNamespace("team-a", settings: NamespaceSettings(autoCreateRepositories: true))
        listed = try #require(try await provider.namespaces().collect().first { $0.name == "team-a" })
        #expect(listed.autoCreateRepositories == true && listed.visibility == .private)

        try await repositories.createRepository(
            "team-a/api", settings: RepositorySettings(summary: "接口服务", visibility: .public))
        var repository = try #require(try await provider.repositories(namespace: "team-a").collect().first)
        #expect(repository.name == "team-a/api" && repository.summary == "接口服务" && repository.visibility == .public)
        try await repositories.updateRepository("team-a/api", settings: RepositorySettings(summary: "API"))
        repository = try #require(try await provider.repositories(namespace: "team-a").collect().first)
        #expect(repository.summary == "API" && repository.visibility == .private)

        try await emulator.clearRequests()
        let immutable = await ACRTestSession.registryError {
            try await repositories.updateRepository(
                "team-a/api", settings: RepositorySettings(summary: "API", tagImmutability: true))
        }
        #expect(immutable?.code == .unsupported)
        #expect(immutable?.message.contains("Personal Edition has no tag immutability") == true)
        #expect(try await emulator.requests().isEmpty)

        try await repositories.deleteRepository("team-a/api")
        #expect(try await provider.repositories(namespace: "team-a").collect().isEmpty)
        try await namespaces.deleteNamespace("team-a")
        #expect(!(try await provider.namespaces().collect().contains { $0.name == "team-a" }))
        let missing = await ACRTestSession.registryError { try await namespaces.deleteNamespace("team-a") }
        #expect(missing?.code == .notFound)
        #expect(missing?.serverCode == "NAMESPACE_NOT_EXIST")
    }

    @Test func deletingAManifestDeletesEveryTagOnItsDigestOnly() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator)
        let before = try await Self.tagDigests(provider, "ns/app")
        let latest = try #require(before["latest"])
        let digest = try #require(Digest(latest))
        try await emulator.clearRequests()
        try await provider.deleteManifest(repository: "ns/app", digest: digest)
        let after = try await Self.tagDigests(provider, "ns/app")
        #expect(after == before.filter { $0.value != digest.description })
        #expect(Set(before.keys).subtracting(after.keys) == ["latest", "1.10.0"])
        #expect(try await emulator.requests(action: "DeleteImage").count == 2)
    }

    @Test func aReadOnlyInstanceRefusesChangesWithoutARequest() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator, readOnly: true)
        try await emulator.clearRequests()
        let refused = await ACRTestSession.registryError {
            try await (provider as? any RepositoryManaging)?.deleteRepository("ns/app")
        }
        #expect(refused?.code == .readOnly)
        #expect(try await emulator.requests().isEmpty)
    }

    // MARK: Scans, webhooks, builds

    @Test func aScanRunsToCompletionAndItsFindingsMatchTheSummary() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator)
        let scanner = try #require(provider as? any ServerScanning)
        let v2 = try #require(try await Self.tagDigests(provider, "ns/web")["v2"])
        let digest = try #require(Digest(v2))
        #expect(try await scanner.scanState(repository: "ns/web", tag: "v2") == .none)
        #expect(try await provider.scanReport(repository: "ns/web", tag: "v2", digest: digest) == nil)

        try await scanner.startScan(repository: "ns/web", tag: "v2")
        let state = try await scanner.waitForScan(repository: "ns/web", tag: "v2", every: .milliseconds(50))
        #expect(state == .complete)
        let summary = try await scanner.scanSummary(repository: "ns/web", tag: "v2")
        let report = try #require(try await provider.scanReport(repository: "ns/web", tag: nil, digest: digest))
        #expect(!report.findings.isEmpty)
        #expect(report.findings.count == summary.values.reduce(0, +))
        for severity in [Severity.high, .medium, .low, .unknown] {
            #expect(report.findings.filter { $0.severity == severity }.count == summary[severity] ?? 0, "\(severity)")
        }
        #expect(report.findings.allSatisfy { $0.vulnerability.hasPrefix("CVE-") && !$0.package.isEmpty })
    }

    @Test func webhooksAreTheTriggers() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator)
        let triggers = try #require(provider as? any TriggerManaging)
        #expect(try await triggers.triggers(repository: "ns/app").isEmpty)
        let id = try await triggers.createTrigger(
            repository: "ns/app",
            RepositoryTrigger(
                name: "deploy", url: "https://hooks.example.com/deploy", match: .tags(["1.0.0", "latest"])))
        var listed = try await triggers.triggers(repository: "ns/app")
        #expect(
            listed == [
                RepositoryTrigger(
                    id: id, name: "deploy", url: "https://hooks.example.com/deploy", match: .tags(["1.0.0", "latest"]))
            ])

        try await triggers.updateTrigger(
            repository: "ns/app",
            RepositoryTrigger(
                id: id, name: "deploy-rc", url: "http://ci.example.com/hook", match: .regularExpression("^rc-")))
        listed = try await triggers.triggers(repository: "ns/app")
        #expect(listed.map(\.name) == ["deploy-rc"])
        #expect(listed.first?.match == .regularExpression("^rc-"))
        #expect(listed.first?.url == "http://ci.example.com/hook")

        try await triggers.deleteTrigger(repository: "ns/app", id: id)
        #expect(try await triggers.triggers(repository: "ns/app").isEmpty)
    }

    @Test func buildRulesRunAndBuildsAreFollowed() async throws {
        let emulator = try await Self.emulator()
        try await emulator.setBuildTiming(pendingMs: 100, lineIntervalMs: 20, lines: 5)
        let provider = try await ACRTestSession.personalProvider(emulator)
        let builds = try #require(provider as? any BuildManaging)
        let repository = try #require(
            try await provider.repositories(namespace: nil).collect().map(\.name).sorted().first)

        let seeded = try await builds.buildRules(repository: repository)
        #expect(seeded.map(\.pushName) == ["master"])
        #expect(seeded.first?.pushType == .branch && seeded.first?.imageTag == "latest")
        let records = try await builds.buildRecords(repository: repository).collect()
        #expect(Set(records.map(\.status)) == [.success, .failed])

        let ruleID = try await builds.createBuildRule(
            repository: repository,
            BuildRule(pushType: .tag, pushName: "v*", imageTag: "release", dockerfileLocation: "/build", platforms: []))
        var rule = try #require(try await builds.buildRules(repository: repository).first { $0.id == ruleID })
        #expect(rule.pushType == .tag && rule.pushName == "v*" && rule.imageTag == "release")
        #expect(rule.dockerfileLocation == "/build")
        rule.imageTag = "stable"
        try await builds.updateBuildRule(repository: repository, rule)
        #expect(try await builds.buildRules(repository: repository).first { $0.id == ruleID }?.imageTag == "stable")

        let buildID = try await builds.startBuild(repository: repository, ruleID: ruleID)
        #expect(try await builds.buildStatus(repository: repository, recordID: buildID).isRunning)
        var status = BuildStatus.pending
        for _ in 0..<200 where status.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            status = try await builds.buildStatus(repository: repository, recordID: buildID)
        }
        #expect(status == .success)
        let record = try await builds.buildRecord(repository: repository, id: buildID)
        #expect(record.status == .success && record.endTime != nil)

        let finished = await ACRTestSession.registryError {
            try await builds.cancelBuild(repository: repository, recordID: buildID)
        }
        #expect(finished?.serverCode == "BUILD_ALREADY_FINISHED")
        let logs = await ACRTestSession.registryError {
            _ = try await builds.buildLog(repository: repository, recordID: buildID, from: 0)
        }
        #expect(logs?.code == .unsupported)
        #expect(logs?.message == "ACR Personal Edition's API does not serve build logs")
        try await builds.deleteBuildRule(repository: repository, id: ruleID)
        #expect(!(try await builds.buildRules(repository: repository).contains { $0.id == ruleID }))
    }

    // MARK: Errors

    @Test func errorsSayWhatToFix() async throws {
        let emulator = try await Self.emulator()
        let wrongSecret = ACREmulator.Key(id: emulator.key.id, secret: "not-the-secret")
        let rejected = await ACRTestSession.registryError {
            try await ACRTestSession.personalProvider(emulator, key: wrongSecret).probe()
        }
        #expect(rejected?.code == .unauthorized)
        #expect(rejected?.message.contains("rejected the signature") == true)
        #expect(rejected?.description.contains("not-the-secret") == false)

        let readOnly = try await ACRTestSession.personalProvider(emulator, key: emulator.readOnlyKey)
        #expect(try await Self.seededNames(readOnly, namespace: "ns") == ["ns/app", "ns/web"])
        let denied = await ACRTestSession.registryError {
            try await (readOnly as? any NamespaceManaging)?.createNamespace("team-b", settings: NamespaceSettings())
        }
        #expect(denied?.code == .denied)
        #expect(denied?.message.contains("CreateNamespace") == true)
        #expect(denied?.hint?.contains("AliyunContainerRegistryFullAccess") == true)

        let provider = try await ACRTestSession.personalProvider(emulator)
        try await emulator.throttle(action: "GetRepoTags", times: 2, retryAfterMs: 20)
        #expect(try await Self.tagDigests(provider, "ns/web").keys.sorted() == ["stable", "v2"])
        let throttled = try await emulator.requests(action: "GetRepoTags").map(\.status)
        #expect(throttled.prefix(2).allSatisfy { $0 != 200 } && throttled.last == 200)

        let unknown = await ACRTestSession.registryError {
            _ = try await provider.tags(repository: "ns/nope").collect()
        }
        #expect(unknown?.code == .notFound && unknown?.serverCode == "REPO_NOT_EXIST")
    }

    @Test func anUnknownRegionIsOneUnavailableRowThatSuggestsTheClosest() async throws {
        let emulator = try await ACREmulator.shared()
        var entry = ACRTestSession.personalEntry(emulator)
        entry.region = "cn-hangzou"
        entry.endpoint = nil
        let session = try ACRTestSession.make(emulator, entries: [entry])
        let rows = await session.instances().filter { $0.kind == .acr }
        #expect(rows.map(\.name) == ["mine"])
        #expect(rows.first?.unavailableReason?.contains("cn-hangzou") == true)
        let error = await ACRTestSession.registryError { _ = try await session.provider(for: "mine") }
        #expect(error?.code == .unknownRegion)
        #expect(error?.hint?.contains("did you mean cn-hangzhou") == true)
    }

    // MARK: Lifecycle

    @Test func clientSideRulesDeleteExactlyWhatThePlanSays() async throws {
        let emulator = try await Self.emulator()
        let provider = try await ACRTestSession.personalProvider(emulator)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pe-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let directories = XDGDirectories(environment: ["HOME": home.path])
        let store = provider.lifecycleRuleStore(directories: directories)
        #expect(!store.runsOnServer)

        // Keep the newest image of ns/app (multi, pushed last) and what matches ^1\.0\. (1.0.0).
        let rule = try await store.save(
            LifecycleRule(id: "app-keep", scope: .repository("ns/app"), retentionTagCount: 1, tagRegexp: #"^1\.0\."#))
        let before = try await Self.tagDigests(provider, "ns/app")
        let inventory = try await LifecycleInventory.load(provider: provider, rules: [rule], scope: rule.scope)
        let plan = LifecycleEngine.plan(rules: [rule], inventory: inventory, now: Date())
        #expect(Set(plan.entries.filter { $0.decision == .keep }.map(\.tag)) == ["multi", "1.0.0"])
        #expect(Set(plan.deletions.map(\.tag)) == Set(before.keys).subtracting(["multi", "1.0.0"]))

        let summary = try await LifecycleExecutor(provider: provider, directories: directories)
            .apply(plan, rules: [rule], scope: rule.scope)
        #expect(summary.deleted == Set(plan.deletions.compactMap(\.digest)).count)
        #expect(summary.skipped == 0 && summary.failed == 0)
        #expect(try await Self.tagDigests(provider, "ns/app") == before.filter { ["multi", "1.0.0"].contains($0.key) })
    }
}
