import ArgumentParser
import RegistryClient

/// `regconsole builds rule update REPO ID [--tag TAG] …`: changes the given fields, keeps the rest.
struct BuildRuleUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change fields of a build rule (shown before they change); the rest stay.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's id (see `builds rules`).")
    var id: String
    @OptionGroup var fields: BuildRuleOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "edit build rules")
        let rules = try await repository.provider.buildRules(repository: repository.repository)
        guard let current = rules.first(where: { $0.id == id }) else {
            throw repository.unknown("build rule", id, listedBy: "builds rules")
        }
        let changed = try fields.applied(to: current)
        let changes = BuildRuleOptions.changes(from: current, to: changed)
        guard !changes.isEmpty else {
            print("build rule \(id) of \(repository.reference) already is so; nothing changed")
            return
        }
        changes.show("changing build rule \(id) of \(repository.reference)")
        try await context.delivery.saveBuildRule(changed, repository: repository.repository, on: repository.provider)
        print("updated build rule \(id) of \(repository.reference)")
    }
}
