import ArgumentParser
import RegistryClient

/// `regconsole builds rule delete REPO ID [--yes]`.
struct BuildRuleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a build rule (confirm, or --yes); its builds stay listed.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's id (see `builds rules`).")
    var id: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.builds(target, context: context, writing: "delete build rules")
        try repository.confirm("delete build rule \(id) of \(repository.reference)", id: id, yes: yes)
        try await repository.naming("build rule", id, listedBy: "builds rules") {
            try await context.delivery.deleteBuildRule(
                id: id, repository: repository.repository, on: repository.provider)
        }
        print("deleted build rule \(id) of \(repository.reference)")
    }
}
