/// A provider whose replication is run by policies (Harbor): policies, their executions and the
/// tasks of each, with task logs; policies are run, stopped, enabled and disabled.
public protocol ReplicationPolicyManaging: RegistryProvider {
    func replicationPolicies() async throws -> [ReplicationPolicy]
    func replicationPolicy(id: Int) async throws -> ReplicationPolicy
    /// Executions newest first, at most `limit`, optionally of one policy and in one status
    /// (Harbor's word: `InProgress`, `Succeed`, `Failed`, `Stopped`).
    func replicationExecutions(policyID: Int?, status: String?, limit: Int) async throws -> [ReplicationExecution]
    func replicationExecution(id: Int) async throws -> ReplicationExecution
    /// The tasks of an execution, optionally in one status.
    func replicationTasks(executionID: Int, status: String?) async throws -> [ReplicationTask]
    /// A task's log as the server sent it (control characters included).
    func replicationTaskLog(executionID: Int, taskID: Int) async throws -> String
    /// Runs a policy now; returns the execution's id.
    func startReplication(policyID: Int) async throws -> Int
    func stopReplication(executionID: Int) async throws
    func setReplicationPolicy(id: Int, enabled: Bool) async throws
}
