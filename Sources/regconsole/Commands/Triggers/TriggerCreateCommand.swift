import ArgumentParser
import RegistryClient

/// `regconsole triggers create REPO --name NAME --url URL --type all|tags|regexp [--tags …]`.
struct TriggerCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a trigger and print its id.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var fields: TriggerOptions

    func validate() throws {
        let missing = [
            fields.name == nil ? "--name" : nil, fields.url == nil ? "--url" : nil, fields.type == nil ? "--type" : nil,
        ].compactMap { $0 }
        guard missing.isEmpty else { throw ValidationError("a new trigger needs \(missing.joined(separator: ", "))") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let trigger = try fields.applied(to: RepositoryTrigger(name: "", url: "", match: .allTags))
        let repository = try await DeliveryTarget.triggers(target, context: context, writing: "create triggers")
        let id = try await TriggerOptions.masking(trigger.url) {
            try await context.delivery.saveTrigger(trigger, repository: repository.repository, on: repository.provider)
        }
        print(id)
    }
}
