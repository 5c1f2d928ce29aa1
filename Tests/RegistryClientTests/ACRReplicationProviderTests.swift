import Foundation
import RegistryClient
import TestSupport
import Testing

/// ACR replication, subscriptions, access and capacity through the provider, against the
/// emulator: sync rules and tasks that progress (and fail with an issue), one-off copies,
/// subscriptions, endpoints with their access list and linked VPCs, temporary logins, the fixed
/// password and quotas, and the refusals that come before a request.
///
/// Every test uses this suite's own emulator, back to its startup model: the suite is serialized.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRReplicationProviderTests {
    private static let ownEmulator = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// The emulator at its startup model, with copies fast enough to watch in a test.
    private static func emulator() async throws -> ACREmulator {
        let emulator = try await ownEmulator.value
        try await emulator.restoreStartupState()
        try await emulator.setSyncTiming(pendingMs: 40, msPerLayer: 30)
        return emulator
    }

    /// Polls a task until it finishes (at most 20 s).
    private static func settle(_ sync: any Replicating, _ id: String) async throws -> SyncTask {
        for _ in 0..<400 {
            let task = try await sync.syncTask(id: id)
            if !task.status.isRunning { return task }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("task \(id) did not finish")
        return try await sync.syncTask(id: id)
    }

    // MARK: Sync

    @Test func theSeededRuleAndItsTasksReadBackWithTheIssueExplained() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let sync = try #require(provider as? any Replicating)
        let rules = try await sync.syncRules(namespace: nil, repository: repository)
        #expect(rules.map(\.name) == ["replicate-first"])
        let rule = try #require(rules.first)
        #expect(rule.id.hasPrefix("crsr-"))
        #expect(rule.scope == .repository)
        #expect(rule.trigger == .automatic)
        #expect(rule.source.repositoryPath == repository)
        #expect(rule.target.instanceID == "cri-emulated0002")
        #expect(rule.target.repositoryPath == repository)
        #expect(try await sync.syncRules(namespace: "no-such-namespace", repository: nil).isEmpty)

        let tasks = try await sync.syncTasks(repository: repository, tag: nil).collect()
        #expect(Set(tasks.map(\.status)) == [.success, .failed])
        let failed = try #require(tasks.first { $0.status == .failed })
        #expect(failed.issue?.code == "TAG_CONFLICT")
        #expect(failed.issue?.description.contains("immutab") == true)
        #expect(failed.ruleID == rule.id)
        #expect(failed.source.repositoryPath == repository)
        #expect(failed.target.instanceID == "cri-emulated0002")
    }

    @Test func runningARuleCopiesTheTagAndReportsLayerProgress() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let sync = try #require(provider as? any Replicating)
        let rule = try #require(try await sync.syncRules(namespace: nil, repository: repository).first)
        let plan = try await SyncRunPlan.make(rule: rule, on: provider)
        let tags = try await provider.tags(repository: repository).collect().map(\.name)
        #expect(tags.count > 500, "the seeded repository is the bulk one")
        #expect(plan.truncated)
        #expect(plan.items.count == 500)
        #expect(Set(plan.items.map(\.tag)).isSubset(of: Set(tags)))
        #expect(plan.items.allSatisfy { $0.repository == repository })
        let item = try #require(plan.items.first)

        let id = try await sync.startSync(ruleID: rule.id, repository: repository, tag: item.tag)
        #expect(id.hasPrefix("rst-"))
        let done = try await Self.settle(sync, id)
        #expect(done.status == .success)
        #expect(done.target.tag == item.tag)
        let progress = try #require(done.progress)
        #expect(progress.layerCount > 0)
        #expect(progress.layersDone == progress.layerCount)
        #expect(progress.totalBytes > 0 && progress.syncedBytes == progress.totalBytes)

        let copies = try await ACRTestSession.make(emulator).provider(for: "acr.emulator-empty")
        let source = try await provider.currentDigest(repository: repository, tag: item.tag)
        #expect(try await copies.tags(repository: repository).collect().map(\.name) == [item.tag])
        let copied = try await copies.tags(repository: repository).collect().first?.details?.digest
        #expect(copied == source)
    }

    @Test func aOneOffCopyLandsUnderTheTargetNameAndARunningTaskCancels() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let sync = try #require(provider as? any Replicating)
        let tag = try #require(try await provider.tags(repository: repository).collect().first?.name)
        let target = ReplicaLocation(
            region: "cn-hangzhou", instanceID: "cri-emulated0002", namespace: "copies", repository: "one-off",
            tag: "pinned")
        let id = try await sync.startSync(repository: repository, tag: tag, to: target)
        let done = try await Self.settle(sync, id)
        #expect(done.status == .success)
        #expect(done.ruleID == nil)
        #expect(done.target.repositoryPath == "copies/one-off")
        #expect(done.target.tag == "pinned")

        try await emulator.setSyncTiming(pendingMs: 5_000, msPerLayer: 1_000)
        let slow = try await sync.startSync(repository: repository, tag: tag, to: target)
        #expect(try await sync.syncTask(id: slow).status == .pending)
        try await sync.cancelSyncTask(id: slow)
        #expect(try await sync.syncTask(id: slow).status == .canceled)
        let again = await ACRTestSession.registryError { try await sync.cancelSyncTask(id: slow) }
        #expect(again?.message.contains("SYNC_TASK_FINISHED") == true)
    }

    @Test func rulesAreCreatedAndDeletedAndBadOnesRefusedBeforeAnyRequest() async throws {
        let emulator = try await Self.emulator()
        let (provider, repository) = try await ACRTestSession.seeded(emulator)
        let sync = try #require(provider as? any Replicating)
        let namespace = String(repository.split(separator: "/").first ?? "")
        let rule = SyncRule(
            name: "namespace-release", scope: .namespace, trigger: .manual, tagFilter: "v.*",
            source: ReplicaLocation(namespace: namespace),
            target: ReplicaLocation(region: "cn-hangzhou", instanceID: "cri-emulated0002", namespace: "mirror"))
        let id = try await sync.createSyncRule(rule)
        let listed = try await sync.syncRules(namespace: namespace, repository: nil)
        let created = try #require(listed.first { $0.id == id })
        #expect(created.scope == .namespace)
        #expect(created.trigger == .manual)
        #expect(created.tagFilter == "v.*")
        #expect(created.covers(repository: repository))
        #expect(
            created.targetLocation(repository: repository, tag: "v1").repositoryPath
                == "mirror/\(repository.split(separator: "/").dropFirst().joined(separator: "/"))")
        try await sync.deleteSyncRule(id: id)
        #expect(try await sync.syncRules(namespace: nil, repository: nil).map(\.id).contains(id) == false)

        try await emulator.clearRequests()
        var broken = rule
        broken.tagFilter = "v(["
        let invalid = await ACRTestSession.registryError { _ = try await sync.createSyncRule(broken) }
        #expect(invalid?.message.contains("not a regular expression") == true)
        var targetless = rule
        targetless.target = ReplicaLocation(namespace: "mirror")
        let noTarget = await ACRTestSession.registryError { _ = try await sync.createSyncRule(targetless) }
        #expect(noTarget?.message.contains("target region and instance") == true)
        #expect(try await emulator.requests(action: "CreateRepoSyncRule").isEmpty)

        let unmatched = await ACRTestSession.registryError {
            _ = try await SyncRunPlan.make(rule: created, tag: "latest", on: provider)
        }
        #expect(unmatched?.message.contains("does not match") == true)
    }

    @Test func permissionsAndReadOnlyInstancesSayWhatToFix() async throws {
        let emulator = try await Self.emulator()
        let (provider, _) = try await ACRTestSession.seeded(emulator)
        let sync = try #require(provider as? any Replicating)
        try await emulator.denyPrivilege(action: "ListRepoSyncRule")
        let denied = await ACRTestSession.registryError {
            _ = try await sync.syncRules(namespace: nil, repository: nil)
        }
        #expect(denied?.code == .denied)
        #expect(denied?.hint?.contains("cr:ListSyncRule") == true)

        let (readOnly, repository) = try await ACRTestSession.seeded(emulator, readOnly: true)
        let access = try #require(readOnly as? any AccessManaging)
        let refused = await ACRTestSession.registryError { try await access.setInternetEndpoint(enabled: false) }
        #expect(refused?.code == .readOnly)
        let readOnlySync = try #require(readOnly as? any Replicating)
        let cancel = await ACRTestSession.registryError {
            _ = try await readOnlySync.startSync(ruleID: "crsr-x", repository: repository, tag: "latest")
        }
        #expect(cancel?.code == .readOnly)
    }

    // MARK: Subscriptions

    @Test func subscriptionsAreListedEditedAndRun() async throws {
        let (provider, repository) = try await ACRTestSession.seeded(try await Self.emulator())
        let subscriptions = try #require(provider as? any Subscribing)
        let seeded = try #require(try await subscriptions.subscriptionRules().first)
        #expect(seeded.upstream == "DOCKER_HUB")
        #expect(seeded.upstreamPath == "docker.io/library/nginx")
        #expect(seeded.tagCount == 3)
        #expect(seeded.platforms == ["linux/amd64"])
        let seededTasks = try await subscriptions.subscriptionTasks().collect()
        #expect(seededTasks.map(\.status) == ["COMPLETED"])

        let namespace = String(repository.split(separator: "/").first ?? "")
        var rule = SubscriptionRule(
            upstream: "QUAY", upstreamNamespace: "coreos", upstreamRepository: "etcd", namespace: namespace,
            repository: "etcd", tagPattern: "release-v.*", tagCount: 2, platforms: ["linux/amd64", "linux/arm64"])
        let id = try await subscriptions.saveSubscriptionRule(rule)
        rule.id = id
        rule.tagCount = 5
        rule.overwrite = true
        #expect(try await subscriptions.saveSubscriptionRule(rule) == id)
        let updated = try #require(try await subscriptions.subscriptionRules().first { $0.id == id })
        #expect(updated.tagCount == 5)
        #expect(updated.overwrite)
        #expect(updated.upstreamDomain == "quay.io")
        #expect(updated.platforms == ["linux/amd64", "linux/arm64"])

        let task = try await subscriptions.runSubscription(ruleID: id)
        var run = try await subscriptions.subscriptionTask(id: task)
        for _ in 0..<200 where run.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            run = try await subscriptions.subscriptionTask(id: task)
        }
        #expect(run.result == "SUCCESS")
        #expect(run.matchedTags == 2)
        #expect(run.pulledTags == 2)
        #expect(run.repository == "\(namespace)/etcd")
        try await subscriptions.deleteSubscriptionRule(id: id)
        #expect(try await subscriptions.subscriptionRules().contains { $0.id == id } == false)

        rule.id = ""
        rule.upstream = "GHCR"
        let refused = await ACRTestSession.registryError { _ = try await subscriptions.saveSubscriptionRule(rule) }
        #expect(refused?.hint?.contains("DOCKER_HUB") == true)
    }

    // MARK: Access and capacity

    @Test func endpointsShowTheAccessListAndLinkedVPCsAndTheListChanges() async throws {
        let emulator = try await Self.emulator()
        let (provider, _) = try await ACRTestSession.seeded(emulator)
        let access = try #require(provider as? any AccessManaging)
        let endpoints = try await access.endpoints()
        #expect(endpoints.map(\.kind) == [.internet, .vpc])
        let internet = endpoints[0]
        #expect(internet.enabled)
        #expect(internet.aclEnabled)
        #expect(
            internet.acl == [
                ACLEntry(entry: "10.0.0.0/8", comment: "office network"),
                ACLEntry(entry: "203.0.113.7/32", comment: "CI runner"),
            ])
        let host = try await RegistryHarness.shared().basic.host
        #expect(internet.domains.map(\.name) == [host])
        let vpcs = endpoints[1].linkedVPCs
        #expect(vpcs.map(\.vpcID) == ["vpc-emulator0001", "vpc-emulator0002"])
        #expect(vpcs[0].issueAdvice == nil)
        #expect(vpcs[1].issueAdvice?.contains("PrivateZone") == true)

        try await access.addACLEntries([ACLEntry(entry: "198.51.100.0/24", comment: "VPN")])
        try await access.addACLEntries([ACLEntry(entry: "192.0.2.1"), ACLEntry(entry: "192.0.2.2/32")])
        try await access.removeACLEntries(["10.0.0.0/8"])
        let entries = try await access.endpoints()[0].acl.map(\.entry)
        #expect(entries == ["203.0.113.7/32", "198.51.100.0/24", "192.0.2.1/32", "192.0.2.2/32"])

        try await emulator.clearRequests()
        let hostBits = await ACRTestSession.registryError {
            try await access.addACLEntries([ACLEntry(entry: "192.0.2.1"), ACLEntry(entry: "10.1.2.3/8")])
        }
        #expect(hostBits?.hint == "did you mean 10.0.0.0/8?")
        #expect(try await emulator.requests(action: "CreateInstanceEndpointAclPolicy").isEmpty)

        try await access.setInternetEndpoint(enabled: false)
        let switching = try await access.endpoints()[0]
        #expect(switching.isChanging)
        try await Task.sleep(for: .milliseconds(400))
        let off = try await access.endpoints()[0]
        #expect(off.enabled == false)
        #expect(off.status == "RUNNING")
    }

    @Test func loginsExpireWhenAskedAndPasswordsAreCheckedButNeverSent() async throws {
        let emulator = try await Self.emulator()
        let (provider, _) = try await ACRTestSession.seeded(emulator)
        let access = try #require(provider as? any AccessManaging)
        let registry = try await RegistryHarness.shared().basic
        let login = try await access.registryLogin(hours: 6)
        #expect(login.host == registry.host)
        #expect(login.username == registry.username)
        #expect(login.password == registry.password)
        let hours = try #require(login.expires).timeIntervalSinceNow / 3600
        #expect(hours > 5.9 && hours <= 6.01)
        #expect(!String(describing: login).contains(login.password))
        let tooLong = await ACRTestSession.registryError { _ = try await access.registryLogin(hours: 48) }
        #expect(tooLong?.message.contains("1 to 24 hours") == true)

        try await emulator.clearRequests()
        for weak in ["short1!", "onlyletters", "12345678901", "with space 1"] {
            let refused = await ACRTestSession.registryError { try await access.resetLoginPassword(weak) }
            #expect(refused?.message.contains(weak) == false)
            #expect(refused?.hint?.contains("8 to 32") == true)
        }
        #expect(try await emulator.requests(action: "ResetLoginPassword").isEmpty)
        try await access.resetLoginPassword("Strong-pass-2026")
        #expect(try await emulator.requests(action: "ResetLoginPassword").map(\.status) == [200])
    }

    @Test func usageReportsEveryQuotaWithItsLimit() async throws {
        let (provider, _) = try await ACRTestSession.seeded(try await Self.emulator())
        let usage = try #require(provider as? any UsageReporting)
        let quotas = try await usage.quotaUsage()
        #expect(quotas.map(\.resource) == [.namespaces, .repositories, .chartNamespaces, .chartRepositories, .vpcs])
        let byResource = Dictionary(uniqueKeysWithValues: quotas.map { ($0.resource, $0) })
        #expect(byResource[.namespaces]?.quota == 15)
        #expect(byResource[.repositories]?.quota == 300)
        #expect(byResource[.vpcs]?.used == 2)
        #expect(byResource[.vpcs]?.quota == 3)
        let namespaces = try await provider.namespaces().collect().count
        #expect(byResource[.namespaces]?.used == namespaces)
        #expect(QuotaUsage(resource: .vpcs, used: 3, quota: 3).isNearLimit)
        #expect(!QuotaUsage(resource: .vpcs, used: 2, quota: 3).isNearLimit)
        #expect(!QuotaUsage(resource: .vpcs, used: 8, quota: 10).isNearLimit, "80 % is the line, not above it")
    }
}
