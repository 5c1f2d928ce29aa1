/// A provider with tag retention policies of its own, one per project, that the server runs on a
/// schedule or by hand, for real or as a dry run (Harbor).
public protocol RetentionPolicyManaging: RegistryProvider {
    /// The project's policy, nil when it has none.
    func retentionPolicy(project: String) async throws -> HarborRetentionPolicy?
    /// The project's id, which a new policy's scope names.
    func projectID(of project: String) async throws -> Int
    /// Creates the policy (no `id`) or replaces it whole; returns it with its id.
    func saveRetentionPolicy(_ policy: HarborRetentionPolicy) async throws -> HarborRetentionPolicy
    func deleteRetentionPolicy(id: Int) async throws
    /// Starts a run of the policy; returns the execution's id.
    func startRetention(policyID: Int, dryRun: Bool) async throws -> Int
    /// The policy's runs, newest first.
    func retentionExecutions(policyID: Int) async throws -> [RetentionExecution]
    /// A run's tasks, one per repository.
    func retentionTasks(policyID: Int, executionID: Int) async throws -> [RetentionTask]
    /// A task's log, as the server sent it.
    func retentionTaskLog(policyID: Int, executionID: Int, taskID: Int) async throws -> String
    /// Every artifact of the project's repositories, as the policy sees them.
    func retentionCandidates(project: String) async throws -> [RetentionCandidate]
}
