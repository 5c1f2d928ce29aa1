/// A provider whose repositories call webhooks after builds (ACR's triggers).
public protocol TriggerManaging: RegistryProvider {
    func triggers(repository: String) async throws -> [RepositoryTrigger]
    /// Creates a trigger; returns its id.
    func createTrigger(repository: String, _ trigger: RepositoryTrigger) async throws -> String
    /// Replaces every field of trigger `trigger.id`.
    func updateTrigger(repository: String, _ trigger: RepositoryTrigger) async throws
    func deleteTrigger(repository: String, id: String) async throws
}
