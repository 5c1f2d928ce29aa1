import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Harbor's replication policies and executions and its project webhooks, through the provider
/// against the emulator's seed (harbor_replication.py): three policies, three past executions
/// (the middle one failed), and two webhook policies in project `ns` with three jobs.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborAutomationTests {
    /// A session with one `harbor` entry `hb` over `emulator`.
    private func provider(_ emulator: HarborEmulator, readOnly: Bool = false) async throws -> any RegistryProvider {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("harbor-home-\(UUID().uuidString)")
        let entry = InstanceConfig(
            name: "hb", kind: .harbor, url: URL(string: emulator.url),
            credentials: .passwordEnvironment(username: emulator.username, variable: "HARBOR_PASSWORD"),
            readOnly: readOnly)
        let session = RegistrySession(
            config: Config(instances: [entry]), http: CurlHTTPClient(),
            environment: ["HOME": home.path, "HARBOR_PASSWORD": emulator.password],
            content: ContentStore(directory: nil))
        return try await session.provider(for: "hb")
    }

    private func replication(_ emulator: HarborEmulator) async throws -> any ReplicationPolicyManaging {
        try #require(try await provider(emulator) as? any ReplicationPolicyManaging)
    }

    private func webhooks(_ emulator: HarborEmulator) async throws -> any WebhookManaging {
        try #require(try await provider(emulator) as? any WebhookManaging)
    }

    /// The execution once it ended, read at most 10 times (the emulator ends it on the third read).
    private func ended(_ id: Int, on provider: any ReplicationPolicyManaging) async throws -> ReplicationExecution {
        var execution = try await provider.replicationExecution(id: id)
        for _ in 0..<10 where execution.status.isRunning {
            execution = try await provider.replicationExecution(id: id)
        }
        return execution
    }

    private func emulator() async throws -> HarborEmulator {
        try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
    }

    @Test func policiesAreReadAsHarborHasThem() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let policies = try await replication(emulator).replicationPolicies()
        #expect(policies.map(\.name) == ["push-ns-to-dr", "pull-mirror-from-dr", "offsite-copy"])
        let push = try #require(policies.first)
        #expect(push.id == 1 && push.direction == "push" && push.route == "Local → dr-harbor/ns-backup")
        #expect(
            push.source.isLocal && push.destination.id == 2 && push.destination.url == "https://harbor-dr.example.com")
        #expect(push.trigger == "event_based" && push.enabled && push.override)
        #expect(push.filters.map(\.summary) == ["name=ns/{app,web}", "tag=**"])
        let pull = policies[1]
        #expect(pull.direction == "pull" && pull.route == "dr-harbor → Local" && pull.destinationNamespace == nil)
        #expect(pull.triggerSummary == "scheduled (0 0 3 * * *)")
        #expect(!policies[2].enabled && policies[2].destinationNamespace == "failover")
    }

    @Test func executionsComeNewestFirstAndAFailedTaskHasItsLog() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await replication(emulator)
        let executions = try await provider.replicationExecutions(policyID: nil, status: nil, limit: 50)
        #expect(executions.map(\.id) == [3, 2, 1])
        #expect(executions.map(\.status.word) == ["Succeed", "Failed", "Succeed"])
        #expect(executions.map(\.trigger) == ["scheduled", "manual", "event_based"])
        let failed = executions[1]
        #expect((failed.total, failed.failed, failed.succeeded, failed.policyID) == (2, 1, 1, 1))
        #expect(failed.duration() == 42)
        #expect(try await provider.replicationExecutions(policyID: 1, status: nil, limit: 50).map(\.id) == [2, 1])
        #expect(try await provider.replicationExecutions(policyID: nil, status: "Failed", limit: 50).map(\.id) == [2])
        #expect(try await provider.replicationExecutions(policyID: nil, status: nil, limit: 2).map(\.id) == [3, 2])

        let tasks = try await provider.replicationTasks(executionID: 2, status: nil)
        #expect(tasks.map(\.status.word) == ["Failed", "Succeed"])
        let broken = try #require(tasks.first)
        #expect(broken.source.hasPrefix("ns/app:[") && broken.destination.hasPrefix("ns-backup/app:["))
        #expect(broken.operation == "copy" && broken.resourceType == "image")
        #expect(try await provider.replicationTasks(executionID: 2, status: "Failed").map(\.id) == [broken.id])
        let log = try await provider.replicationTaskLog(executionID: 2, taskID: broken.id)
        #expect(log.contains("[ERROR]") && log.contains("failed to push manifest of artifact ns-backup/app:"))
    }

    @Test func aRunEndsSucceeded() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await replication(emulator)
        let id = try await provider.startReplication(policyID: 1)
        #expect(id == 4)
        let running = try await provider.replicationExecution(id: id)
        #expect(running.status.word == "InProgress" && running.status.isRunning && running.inProgress == 2)
        let execution = try await ended(id, on: provider)
        #expect(execution.status.phase == .succeeded && execution.succeeded == 2 && execution.trigger == "manual")
        let tasks = try await provider.replicationTasks(executionID: id, status: nil)
        #expect(tasks.map(\.destination).map { $0.prefix { $0 != ":" } } == ["ns-backup/app", "ns-backup/web"])
        let log = try await provider.replicationTaskLog(executionID: id, taskID: try #require(tasks.first).id)
        #expect(log.contains("Job 'REPLICATION' done"))
    }

    @Test func aDisabledPolicyIsRefusedAndOnceEnabledRunsToFailure() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await replication(emulator)
        let refusal = await ACRTestSession.registryError { _ = try await provider.startReplication(policyID: 3) }
        #expect(refusal?.code == .refused)
        #expect(
            refusal?.message.contains("replication policy 3 on hb is disabled") == true,
            "\(String(describing: refusal))")
        #expect(refusal?.hint?.contains("regconsole replication enable hb 3") == true)

        try await provider.setReplicationPolicy(id: 3, enabled: true)
        let enabled = try await provider.replicationPolicy(id: 3)
        #expect(enabled.enabled && enabled.destinationNamespace == "failover" && enabled.filters.count == 2)
        let execution = try await ended(try await provider.startReplication(policyID: 3), on: provider)
        #expect(execution.status.word == "Failed" && execution.failed == 1 && execution.total == 1)
        let failed = try await provider.replicationTasks(executionID: execution.id, status: "Failed")
        let log = try await provider.replicationTaskLog(
            executionID: execution.id, taskID: try #require(failed.first).id)
        #expect(log.contains("failed to push manifest of artifact failover/app:"))
        try await provider.setReplicationPolicy(id: 3, enabled: false)
        #expect(try await provider.replicationPolicy(id: 3).enabled == false)
    }

    @Test func stoppingEndsARunningExecution() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await replication(emulator)
        let id = try await provider.startReplication(policyID: 2)
        try await provider.stopReplication(executionID: id)
        let stopped = try await provider.replicationExecution(id: id)
        #expect(stopped.status.phase == .stopped && stopped.stopped == 1 && stopped.ended != nil)
        #expect(try await provider.replicationTasks(executionID: id, status: nil).map(\.status.word) == ["Stopped"])
    }

    @Test func aReadOnlyInstanceRefusesEveryChange() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await provider(emulator, readOnly: true)
        let replication = try #require(provider as? any ReplicationPolicyManaging)
        let hooks = try #require(provider as? any WebhookManaging)
        for change in [
            { _ = try await replication.startReplication(policyID: 1) },
            { try await replication.setReplicationPolicy(id: 1, enabled: false) },
            { try await hooks.deleteWebhookPolicy(project: "ns", id: 1) },
        ] as [() async throws -> Void] {
            #expect(await ACRTestSession.registryError(change)?.code == .readOnly)
        }
        #expect(try await replication.replicationExecutions(policyID: nil, status: nil, limit: 50).count == 3)
        #expect(try await hooks.webhookPolicies(project: "ns").count == 2)
    }

    @Test func webhookPoliciesHideTheirSecretsAndListTheirJobs() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await webhooks(emulator)
        let policies = try await provider.webhookPolicies(project: "ns")
        #expect(policies.map(\.name) == ["deploy-hook", "chat-alerts"])
        let hook = try #require(policies.first)
        #expect(hook.enabled && hook.project == "ns" && hook.creator == "admin")
        #expect(hook.eventTypes == ["PUSH_ARTIFACT", "DELETE_ARTIFACT", "SCANNING_COMPLETED"])
        #expect(hook.targets.map(\.address) == ["https://deploy:***@hooks.example.com/harbor?token=***"])
        #expect(hook.targets.map(\.hasAuthHeader) == [true] && policies[1].targets.map(\.hasAuthHeader) == [false])
        let shown = String(describing: policies)
        for secret in ["s3cr3t", "hook-secret-123", "abc123"] {
            #expect(!shown.contains(secret), "the model keeps no secret")
        }

        let jobs = try await provider.webhookExecutions(project: "ns", policyID: hook.id, limit: 10)
        #expect(jobs.map(\.id) == [3, 2, 1])
        #expect(jobs.map(\.status.word) == ["Error", "Success", "Success"])
        #expect(jobs.map(\.eventType) == ["PUSH_ARTIFACT", "SCANNING_COMPLETED", "PUSH_ARTIFACT"])
        let failed = try #require(jobs.first)
        #expect(failed.status.phase == .failed && failed.started != nil)
        #expect(failed.ended.flatMap { end in failed.started.map { end.timeIntervalSince($0) } } == 31)
        let tasks = try await provider.webhookTasks(project: "ns", policyID: hook.id, executionID: failed.id)
        #expect(tasks.map(\.runCount) == [3])
        let log = try await provider.webhookTaskLog(
            project: "ns", policyID: hook.id, executionID: failed.id, taskID: try #require(tasks.first).id)
        #expect(log.contains("failed to exec webhook request: Post \"https://hooks.example.com/harbor\""))
    }

    @Test func webhookPoliciesAreSwitchedAndDeletedKeepingTheirTargets() async throws {
        let emulator = try await emulator()
        defer { emulator.stop() }
        let provider = try await webhooks(emulator)
        try await provider.setWebhookPolicy(project: "ns", id: 1, enabled: false)
        let disabled = try await provider.webhookPolicy(project: "ns", id: 1)
        #expect(!disabled.enabled)
        #expect(disabled.targets.map(\.address) == ["https://deploy:***@hooks.example.com/harbor?token=***"])
        #expect(disabled.targets.map(\.hasAuthHeader) == [true], "the auth header went back unchanged")
        try await provider.deleteWebhookPolicy(project: "ns", id: 2)
        #expect(try await provider.webhookPolicies(project: "ns").map(\.id) == [1])
        let missing = await ACRTestSession.registryError { _ = try await provider.webhookPolicy(project: "ns", id: 2) }
        #expect(missing?.code == .notFound)
    }
}

/// PyPI's `harbor-api-client` (RegistryApi, ReplicationApi, WebhookApi) decodes the emulator's
/// replication and webhook answers (Tests/Harness/harbor_client_check_replication.py).
@Suite(.enabled(if: RegistryHarness.isEnabled && HarborEmulatorTests.shouldRun))
struct HarborAutomationClientCheckTests {
    @Test func harborClientDecodesReplicationAndWebhooks() async throws {
        guard HarborEmulator.isClientInstalled else {
            Issue.record("harbor-api-client is not installed in .venv-acr: run scripts/install-deps")
            return
        }
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let report = try await ACRSDKCheck.runScript(
            "harbor_client_check_replication.py",
            ["--endpoint", emulator.endpoint, "--username", emulator.username, "--password", emulator.password],
            timeout: .seconds(300))
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.exitCode == 0)
        #expect(
            report.checked == [
                "list_registries", "list_replication_policies", "get_replication_policy", "update_replication_policy",
                "list_replication_executions", "list_replication_tasks", "get_replication_log", "start_replication",
                "get_replication_execution", "stop_replication", "start_replication_disabled",
                "list_webhook_policies_of_project", "get_webhook_policy_of_project", "get_supported_event_types",
                "list_executions_of_webhook_policy", "list_tasks_of_webhook_execution", "get_logs_of_webhook_task",
                "update_webhook_policy_of_project", "delete_webhook_policy_of_project",
            ])
        #expect(try await emulator.schemaViolations() == [], "every answer matches Harbor's swagger")
    }
}
