/// Runs, stops and switches of Harbor's replication policies and webhook policies, each between
/// audit entries: what the console and the CLI both run. Webhook details never hold a target.
public struct AuditedAutomation: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Runs a replication policy now; returns the execution's id.
    public func startReplication(
        _ policy: ReplicationPolicy, on provider: any ReplicationPolicyManaging
    )
        async throws -> Int
    {
        try await audit.recording("replication-run", on: provider, detail: "\(policy.id) \(policy.name)") {
            try await provider.startReplication(policyID: policy.id)
        }
    }

    public func stopReplication(executionID: Int, on provider: any ReplicationPolicyManaging) async throws {
        try await audit.recording("replication-stop", on: provider, detail: "execution \(executionID)") {
            try await provider.stopReplication(executionID: executionID)
        }
    }

    public func setReplicationPolicy(
        _ policy: ReplicationPolicy, enabled: Bool, on provider: any ReplicationPolicyManaging
    ) async throws {
        try await audit.recording(
            enabled ? "replication-enable" : "replication-disable", on: provider, detail: "\(policy.id) \(policy.name)"
        ) {
            try await provider.setReplicationPolicy(id: policy.id, enabled: enabled)
        }
    }

    public func setWebhookPolicy(
        _ policy: WebhookPolicy, enabled: Bool, on provider: any WebhookManaging
    )
        async throws
    {
        try await audit.recording(
            enabled ? "webhook-enable" : "webhook-disable", on: provider, repository: policy.project,
            detail: "\(policy.id) \(policy.name)"
        ) {
            try await provider.setWebhookPolicy(project: policy.project, id: policy.id, enabled: enabled)
        }
    }

    public func deleteWebhookPolicy(_ policy: WebhookPolicy, on provider: any WebhookManaging) async throws {
        try await audit.recording(
            "webhook-delete", on: provider, repository: policy.project, detail: "\(policy.id) \(policy.name)"
        ) {
            try await provider.deleteWebhookPolicy(project: policy.project, id: policy.id)
        }
    }
}
