/// A provider that pulls images from upstream registries into its repositories by rule (ACR
/// artifact subscriptions).
public protocol Subscribing: RegistryProvider {
    func subscriptionRules() async throws -> [SubscriptionRule]
    /// Creates a rule (`rule.id` empty; returns the new id) or replaces one.
    func saveSubscriptionRule(_ rule: SubscriptionRule) async throws -> String
    func deleteSubscriptionRule(id: String) async throws
    /// Runs a rule now; returns the task's id.
    func runSubscription(ruleID: String) async throws -> String
    /// Runs newest first.
    func subscriptionTasks() -> AsyncThrowingStream<[SubscriptionTask], any Error>
    func subscriptionTask(id: String) async throws -> SubscriptionTask
}
