import ArgumentParser
import RegistryClient

/// `regconsole triggers update REPO ID [--name …] [--url …] [--type …] [--tags …]`.
struct TriggerUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change fields of a trigger (shown, masked, before they change).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @Argument(help: "The trigger's id (see `triggers list`).")
    var id: String
    @OptionGroup var fields: TriggerOptions

    func run() async throws {
        let context = try CLIContext(global)
        try fields.checkGiven()
        let repository = try await DeliveryTarget.triggers(target, context: context, writing: "edit triggers")
        let triggers = try await repository.provider.triggers(repository: repository.repository)
        guard let current = triggers.first(where: { $0.id == id }) else {
            throw repository.unknown("trigger", id, listedBy: "triggers list")
        }
        let changed = try fields.applied(to: current)
        let changes = TriggerOptions.changes(from: current, to: changed)
        guard !changes.isEmpty else {
            print("trigger \(id) of \(repository.reference) already is so; nothing changed")
            return
        }
        changes.show("changing trigger \(id) of \(repository.reference)")
        _ = try await TriggerOptions.masking(changed.url) {
            try await context.delivery.saveTrigger(changed, repository: repository.repository, on: repository.provider)
        }
        print("updated trigger \(id) of \(repository.reference)")
    }
}
