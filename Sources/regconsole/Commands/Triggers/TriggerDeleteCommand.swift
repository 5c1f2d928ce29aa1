import ArgumentParser
import RegistryClient

/// `regconsole triggers delete REPO ID [--yes]`.
struct TriggerDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a trigger (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: "The trigger's id (see `triggers list`).")
    var id: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.triggers(target, context: context, writing: "delete triggers")
        try repository.confirm("delete trigger \(id) of \(repository.reference)", id: id, yes: yes)
        try await repository.naming("trigger", id, listedBy: "triggers list") {
            try await context.delivery.deleteTrigger(id: id, repository: repository.repository, on: repository.provider)
        }
        print("deleted trigger \(id) of \(repository.reference)")
    }
}
