/// Changes to an instance's sync rules and subscriptions, and the copies they start, each
/// between audit entries: what the console and the CLI both run.
public struct AuditedReplication: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Creates a sync rule; returns its id.
    public func createSyncRule(_ rule: SyncRule, on provider: any Replicating) async throws -> String {
        let detail =
            "\(rule.name): \(rule.scope.rawValue) \(rule.repositoryFilterSummary) tags \(rule.tagFilter) → \(rule.target)"
        return try await audit.recording(
            "sync-rule-create", on: provider, repository: rule.source.repositoryPath, detail: detail
        ) {
            try await provider.createSyncRule(rule)
        }
    }

    public func deleteSyncRule(_ rule: SyncRule, on provider: any Replicating) async throws {
        try await audit.recording(
            "sync-rule-delete", on: provider, repository: rule.source.repositoryPath, detail: "\(rule.id) \(rule.name)"
        ) {
            try await provider.deleteSyncRule(id: rule.id)
        }
    }

    /// Copies one tag by a rule; returns the task's id.
    public func startSync(
        ruleID: String, repository: String, tag: String, on provider: any Replicating
    ) async throws -> String {
        try await audit.recording("sync-run", on: provider, repository: repository, detail: "\(tag) by rule \(ruleID)")
        {
            try await provider.startSync(ruleID: ruleID, repository: repository, tag: tag)
        }
    }

    /// Copies one tag to `target` outside any rule; returns the task's id.
    public func startSync(
        repository: String, tag: String, to target: ReplicaLocation, on provider: any Replicating
    ) async throws -> String {
        try await audit.recording("sync-run", on: provider, repository: repository, detail: "\(tag) → \(target)") {
            try await provider.startSync(repository: repository, tag: tag, to: target)
        }
    }

    public func cancelSyncTask(id: String, on provider: any Replicating) async throws {
        try await audit.recording("sync-cancel", on: provider, detail: id) { try await provider.cancelSyncTask(id: id) }
    }

    /// Creates a subscription (`rule.id` empty; returns the new id) or replaces one.
    @discardableResult
    public func saveSubscriptionRule(_ rule: SubscriptionRule, on provider: any Subscribing) async throws -> String {
        let isNew = rule.id.isEmpty
        let detail =
            "\(isNew ? "new subscription" : rule.id): \(rule.upstreamPath) tags \(rule.tagPattern) "
            + "(newest \(rule.tagCount)) → \(rule.namespace)/\(rule.repository)"
        return try await audit.recording(
            isNew ? "subscription-create" : "subscription-update", on: provider,
            repository: "\(rule.namespace)/\(rule.repository)", detail: detail
        ) { try await provider.saveSubscriptionRule(rule) }
    }

    public func deleteSubscriptionRule(id: String, on provider: any Subscribing) async throws {
        try await audit.recording("subscription-delete", on: provider, detail: id) {
            try await provider.deleteSubscriptionRule(id: id)
        }
    }

    /// Runs a subscription now; returns the task's id.
    public func runSubscription(ruleID: String, on provider: any Subscribing) async throws -> String {
        try await audit.recording("subscription-run", on: provider, detail: ruleID) {
            try await provider.runSubscription(ruleID: ruleID)
        }
    }
}
