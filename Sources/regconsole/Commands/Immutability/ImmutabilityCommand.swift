import ArgumentParser
import RegistryClient

/// `regconsole immutability …`: a Harbor project's tag immutability rules.
struct ImmutabilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "immutability",
        abstract: "List, add, enable, disable or delete a Harbor project's tag immutability rules.",
        discussion: "Tags a rule covers can be neither deleted nor pushed over; retention keeps them as IMMUTABLE.",
        subcommands: [
            ImmutabilityListCommand.self, ImmutabilityAddCommand.self, ImmutabilityDeleteCommand.self,
            ImmutabilityEnableCommand.self, ImmutabilityDisableCommand.self,
        ],
        defaultSubcommand: ImmutabilityListCommand.self)

    /// The rule `id` of the project.
    static func rule(
        _ id: Int, of project: HarborProjectTarget<any ImmutabilityManaging>
    ) async throws -> HarborImmutableRule {
        guard
            let rule = try await project.provider.immutableRules(project: project.project).first(where: { $0.id == id })
        else {
            throw RegistryError(
                .notFound, "\(project.reference) has no immutability rule \(id)",
                hint: "list them with: regconsole immutability list \(project.reference)")
        }
        return rule
    }

    /// Enables or disables rule `id` (audited).
    static func toggle(_ id: Int, disabled: Bool, target: String, global: GlobalOptions) async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any ImmutabilityManaging>.parse(
            target, context: context, command: "immutability", writing: "change immutability rules")
        var rule = try await rule(id, of: project)
        guard rule.disabled != disabled else {
            print("immutability rule \(id) of \(project.reference) already is \(disabled ? "disabled" : "enabled")")
            return
        }
        rule.disabled = disabled
        _ = try await context.retention.saveImmutableRule(rule, project: project.project, on: project.provider)
        print("\(disabled ? "disabled" : "enabled") immutability rule \(id) of \(project.reference): \(rule.summary)")
    }
}
