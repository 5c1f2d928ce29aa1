/// A provider that copies images to other instances by rule (ACR Enterprise sync): rules, the
/// tasks they start, and one-off copies of a tag.
public protocol Replicating: RegistryProvider {
    /// Rules of this instance, optionally those covering one namespace or repository.
    func syncRules(namespace: String?, repository: String?) async throws -> [SyncRule]
    /// Creates a rule (`rule.id` is ignored); returns its id.
    func createSyncRule(_ rule: SyncRule) async throws -> String
    func deleteSyncRule(id: String) async throws
    /// Tasks newest first, optionally of one repository (`NAMESPACE/NAME`) and tag.
    func syncTasks(repository: String?, tag: String?) -> AsyncThrowingStream<[SyncTask], any Error>
    /// One task with its layers' progress.
    func syncTask(id: String) async throws -> SyncTask
    /// Copies one tag of `repository` as `rule` says; returns the task's id.
    func startSync(ruleID: String, repository: String, tag: String) async throws -> String
    /// Copies one tag of `repository` to `target` (which names region, instance, namespace,
    /// repository and tag) outside any rule; returns the task's id.
    func startSync(repository: String, tag: String, to target: ReplicaLocation) async throws -> String
    func cancelSyncTask(id: String) async throws
}
