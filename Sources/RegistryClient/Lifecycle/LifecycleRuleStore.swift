/// Where an instance's lifecycle rules live: a file regconsole runs (distribution) or the
/// registry's own rules (ACR). A field the store cannot keep is refused when the rule is saved.
public protocol LifecycleRuleStore: Sendable {
    /// Whether the registry runs the rules itself on their schedule.
    var runsOnServer: Bool { get }
    /// Every rule.
    func rules() async throws -> [LifecycleRule]
    /// Creates the rule, or replaces the one with its id; returns it as stored (a server may assign the id).
    /// - Throws: `RegistryError` `.unsupported` naming a field the store cannot keep, or `.invalidReference`
    ///   for a rule with problems.
    func save(_ rule: LifecycleRule) async throws -> LifecycleRule
    /// Deletes a rule.
    func delete(id: String) async throws
    /// The fields of `rule` this store cannot keep, with why.
    func unsupportedFields(of rule: LifecycleRule) -> [LifecycleRule.Problem]
}

extension LifecycleRuleStore {
    /// Refuses a rule with problems or fields the store cannot keep.
    func check(_ rule: LifecycleRule) throws {
        if let problem = rule.problems.first ?? unsupportedFields(of: rule).first {
            let code: RegistryError.Code = rule.problems.isEmpty ? .unsupported : .invalidReference
            throw RegistryError(code, "rule \(rule.id): \(problem.description)")
        }
    }
}
