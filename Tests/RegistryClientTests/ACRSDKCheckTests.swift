import Foundation
import TestSupport
import Testing

/// Alibaba's official Python SDKs against the ACR emulator: the emulator speaks the Enterprise and
/// Personal Edition OpenAPIs the way the real service does, as far as the SDKs' signing and typed
/// response models can tell.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct ACRSDKCheckTests {
    /// Under CI a missing SDK fails the run; elsewhere (someone offline, or who skipped the SDK in
    /// scripts/install-deps) these tests are skipped.
    static let shouldRun = ACRSDKCheck.isInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Records the failure CI needs when the SDK is missing; true when the SDK can run.
    private func requireSDK() -> Bool {
        guard ACRSDKCheck.isInstalled else {
            Issue.record(
                """
                Alibaba's Python SDKs are not installed at \(ACRSDKCheck.pythonURL.path) \
                (a virtual environment with alibabacloud-cr20181201 and alibabacloud-cr20160607): \
                run scripts/install-deps
                """)
            return false
        }
        return true
    }

    @Test(.enabled(if: shouldRun, "needs the .venv-acr SDK environment; run scripts/install-deps"))
    func officialSDKAcceptsTheEmulator() async throws {
        guard requireSDK() else { return }
        // Its own emulator: the check creates and deletes objects, injects faults and reads the request log.
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let report = try await ACRSDKCheck.run(emulator: emulator)
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.exitCode == 0)
        let actions = [
            "ListInstance", "GetInstance", "ListInstanceEndpoint", "GetAuthorizationToken",
            "ListNamespace", "GetNamespace", "CreateNamespace", "UpdateNamespace", "DeleteNamespace",
            "ListRepository", "GetRepository", "CreateRepository", "UpdateRepository", "DeleteRepository",
            "ListRepoTag", "GetRepoTag", "DeleteRepoTag", "CreateRepoTag",
            "CreateRepoTagScanTask", "GetRepoTagScanStatus", "GetRepoTagScanSummary", "ListRepoTagScanResult",
            "ListArtifactLifecycleRule", "GetArtifactLifecycleRule", "CreateArtifactLifecycleRule",
            "UpdateArtifactLifecycleRule", "DeleteArtifactLifecycleRule",
            "ListRepoBuildRule", "CreateRepoBuildRule", "UpdateRepoBuildRule", "DeleteRepoBuildRule",
            "CreateBuildRecordByRule", "CreateBuildRecordByRecord", "CancelRepoBuildRecord", "ListRepoBuildRecord",
            "GetRepoBuildRecord", "GetRepoBuildRecordStatus", "ListRepoBuildRecordLog",
            "GetRepoSourceCodeRepo", "CreateRepoSourceCodeRepo", "UpdateRepoSourceCodeRepo",
            "ListRepoTrigger", "CreateRepoTrigger", "UpdateRepoTrigger", "DeleteRepoTrigger",
            "ListEventCenterRuleName", "UpdateEventCenterRule", "DeleteEventCenterRule", "ListEventCenterRecord",
            "ListChain", "GetChain", "CreateChain", "UpdateChain", "DeleteChain", "ListChainInstance",
            "CreateRepoSyncRule", "ListRepoSyncRule", "DeleteRepoSyncRule", "CreateRepoSyncTaskByRule",
            "CreateRepoSyncTask", "GetRepoSyncTask", "ListRepoSyncTask", "CancelRepoSyncTask",
            "CreateArtifactSubscriptionRule", "UpdateArtifactSubscriptionRule", "DeleteArtifactSubscriptionRule",
            "GetArtifactSubscriptionRule", "ListArtifactSubscriptionRule", "CreateArtifactSubscriptionTask",
            "GetArtifactSubscriptionTask", "ListArtifactSubscriptionTask", "GetArtifactSubscriptionTaskResult",
            "GetInstanceEndpoint", "UpdateInstanceEndpointStatus", "CreateInstanceEndpointAclPolicy",
            "DeleteInstanceEndpointAclPolicy", "GetInstanceVpcEndpoint", "CreateInstanceVpcEndpointLinkedVpc",
            "DeleteInstanceVpcEndpointLinkedVpc", "ResetLoginPassword", "GetInstanceUsage", "GetInstanceCount",
        ]
        #expect(actions.count == 82)
        #expect(actions.filter { !report.checked.contains($0) } == [])
        for extra in [
            "WrongSecret", "ReadOnlyKey", "StsKey", "Faults", "HttpMethods", "SyncTaskIssues", "DeleteSyncTarget",
            "ReadOnlySync",
        ] {
            #expect(report.checked.contains(extra), "\(extra) was not checked")
        }
        #expect(report.checked.count >= 90)
        // The SDK's calls are in the emulator's log under the main key.
        let listed = try await emulator.requests(action: "ListInstance")
        #expect(listed.contains { $0.accessKeyId == emulator.key.id && $0.method == "POST" && $0.status == 200 })
        #expect(listed.allSatisfy { $0.action == "ListInstance" })

        // The control conveniences are accepted; an unknown control key is refused.
        try await emulator.throttle(action: "ListRepoTag", times: 2, retryAfterMs: 50)
        try await emulator.denyPrivilege(action: "DeleteRepoTag")
        try await emulator.failSoftly(action: "*")
        try await emulator.setBuildTiming(pendingMs: 0, lineIntervalMs: 10, lines: 5)
        await #expect(throws: (any Error).self) { try await emulator.setBuildTiming(lines: 2) }
        try await emulator.reset()
        try await emulator.resetModel()
        try await emulator.clearRequests()
        #expect(try await emulator.requests().isEmpty)
        await #expect(throws: (any Error).self) { try await emulator.control(["noSuchControl": true]) }
    }

    @Test(.enabled(if: shouldRun, "needs the .venv-acr SDK environment; run scripts/install-deps"))
    func officialPersonalSDKAcceptsTheEmulator() async throws {
        guard requireSDK() else { return }
        // Its own emulator: the check creates and deletes objects, injects faults and reads the request log.
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let report = try await ACRSDKCheck.run(.personal, emulator: emulator)
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.exitCode == 0)
        let actions = [
            "GetNamespaceList", "GetNamespace", "CreateNamespace", "UpdateNamespace", "DeleteNamespace",
            "GetRepoList", "GetRepoListByNamespace", "GetRepo", "CreateRepo", "UpdateRepo", "DeleteRepo",
            "GetRepoTags", "GetRepoTag", "DeleteImage",
            "StartImageScan", "GetRepoTagScanStatus", "GetRepoTagScanSummary", "GetRepoTagScanList",
            "GetRepoBuildRuleList", "CreateRepoBuildRule", "UpdateRepoBuildRule", "DeleteRepoBuildRule",
            "StartRepoBuildByRule", "GetRepoBuildList", "GetRepoBuildStatus", "CancelRepoBuild",
            "GetRepoWebhook", "CreateRepoWebhook", "UpdateRepoWebhook", "DeleteRepoWebhook",
            "GetAuthorizationToken",
        ]
        #expect(actions.count == 31)
        #expect(actions.filter { !report.checked.contains($0) } == [])
        let extras = ["WrongSecret", "ReadOnlyKey", "StsKey", "Faults", "HttpMethods", "ResetModel"]
        #expect(extras.filter { !report.checked.contains($0) } == [])
        #expect(report.checked.count == actions.count + extras.count)
        // The legacy-signed calls are in the emulator's log under the main key, by their action names.
        let tags = try await emulator.requests(action: "GetRepoTags")
        #expect(tags.contains { $0.accessKeyId == emulator.key.id && $0.method == "GET" && $0.status == 200 })
        #expect(tags.allSatisfy { $0.action == "GetRepoTags" && $0.edition == "personal" })
        // GetNamespace is an action of both APIs: the edition filter keeps them apart.
        let namespaces = try await emulator.requests(action: "GetNamespace", edition: "enterprise")
        #expect(namespaces == [])
        #expect(try await emulator.requests(action: "GetNamespace", edition: "personal").count > 1)
    }

    @Test(.enabled(if: shouldRun, "needs the .venv-acr SDK environment; run scripts/install-deps"))
    func officialSDKWithAWrongSecretIsRejected() async throws {
        guard requireSDK() else { return }
        let emulator = try await ACREmulator.shared()
        let wrong = ACREmulator.Key(id: emulator.key.id, secret: emulator.key.secret + "x")
        let report = try await ACRSDKCheck.run(emulator: emulator, key: wrong, faults: false)
        #expect(report.exitCode == 1)
        // The script's own wrong-secret check passes, and its first real call is refused.
        #expect(report.checked == ["WrongSecret"])
        #expect(report.failures.count == 1)
        #expect(
            report.failures.first.map { $0.hasPrefix("ListInstance:") && $0.contains("SignatureDoesNotMatch") } == true,
            "\(report.failures)")
    }
}
