/// A provider whose projects have tag immutability rules (Harbor).
public protocol ImmutabilityManaging: RegistryProvider {
    func immutableRules(project: String) async throws -> [HarborImmutableRule]
    /// Creates the rule (no `id`) or replaces it (which is how it is enabled or disabled); returns it with its id.
    func saveImmutableRule(_ rule: HarborImmutableRule, project: String) async throws -> HarborImmutableRule
    func deleteImmutableRule(id: Int, project: String) async throws
}
