/// Changes to Harbor retention policies and immutability rules, and real retention runs, each
/// between audit entries: what the console and the CLI both run.
public struct AuditedRetention: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Creates or replaces the project's policy.
    public func savePolicy(
        _ policy: HarborRetentionPolicy, project: String, on provider: any RetentionPolicyManaging
    ) async throws -> HarborRetentionPolicy {
        let detail = "\(project): \(policy.rules.count) rules, \(policy.scheduleWords)"
        return try await audit.recording(
            policy.id == nil ? "retention-policy-create" : "retention-policy-update", on: provider, detail: detail
        ) {
            try await provider.saveRetentionPolicy(policy)
        }
    }

    /// Deletes the project's policy.
    public func deletePolicy(id: Int, project: String, on provider: any RetentionPolicyManaging) async throws {
        try await audit.recording("retention-policy-delete", on: provider, detail: "\(project): policy \(id)") {
            try await provider.deleteRetentionPolicy(id: id)
        }
    }

    /// Runs the policy for real, waits for it to end and reads what it did.
    public func run(
        _ policy: HarborRetentionPolicy, project: String, on provider: any RetentionPolicyManaging,
        timeout: Duration = .seconds(300), interval: Duration = .milliseconds(500),
        progress: @Sendable (RetentionExecution?) -> Void = { _ in }
    ) async throws -> RetentionServerRun {
        try provider.instance.requireWritable(to: "run retention policies")
        guard let id = policy.id else {
            throw RegistryError(.notFound, "project \(project) has no retention policy to run")
        }
        return try await audit.recording("retention-run", on: provider, detail: "\(project): policy \(id)") {
            try await provider.runRetention(
                policyID: id, dryRun: false, timeout: timeout, interval: interval, progress: progress)
        }
    }

    /// Creates or replaces an immutability rule (also how one is enabled or disabled).
    public func saveImmutableRule(
        _ rule: HarborImmutableRule, project: String, on provider: any ImmutabilityManaging
    ) async throws -> HarborImmutableRule {
        try await audit.recording(
            rule.id == nil ? "immutable-rule-create" : "immutable-rule-update", on: provider,
            detail: "\(project): \(rule.summary)"
        ) {
            try await provider.saveImmutableRule(rule, project: project)
        }
    }

    /// Deletes an immutability rule.
    public func deleteImmutableRule(id: Int, project: String, on provider: any ImmutabilityManaging) async throws {
        try await audit.recording("immutable-rule-delete", on: provider, detail: "\(project): rule \(id)") {
            try await provider.deleteImmutableRule(id: id, project: project)
        }
    }
}
