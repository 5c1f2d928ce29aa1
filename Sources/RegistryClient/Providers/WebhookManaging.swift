/// A provider whose projects send events to webhooks (Harbor): policies, their deliveries ("jobs")
/// with logs; policies are enabled, disabled and deleted. `project` is a project's name.
public protocol WebhookManaging: RegistryProvider {
    func webhookPolicies(project: String) async throws -> [WebhookPolicy]
    func webhookPolicy(project: String, id: Int) async throws -> WebhookPolicy
    /// Deliveries newest first, at most `limit`.
    func webhookExecutions(project: String, policyID: Int, limit: Int) async throws -> [WebhookExecution]
    func webhookTasks(project: String, policyID: Int, executionID: Int) async throws -> [WebhookTask]
    /// A task's log as the server sent it (control characters included).
    func webhookTaskLog(project: String, policyID: Int, executionID: Int, taskID: Int) async throws -> String
    func setWebhookPolicy(project: String, id: Int, enabled: Bool) async throws
    func deleteWebhookPolicy(project: String, id: Int) async throws
}
