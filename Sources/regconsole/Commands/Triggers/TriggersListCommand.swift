import ArgumentParser
import RegistryClient

/// `regconsole triggers [list] REPO`.
struct TriggersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a repository's triggers (URLs masked).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The repository.", valueName: "instance/namespace/name"), completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let repository = try await DeliveryTarget.triggers(target, context: context)
        let triggers = try await repository.provider.triggers(repository: repository.repository)
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "name", header: "NAME"), .init(key: "type", header: "TYPE"),
                .init(key: "tags", header: "TAGS"), .init(key: "url", header: "URL"),
            ], omitsAbsent: true)
        for trigger in triggers {
            records.rows.append([
                .text(trigger.id), .text(trigger.name), .text(trigger.match.kind), .text(trigger.match.text),
                .text(trigger.maskedURL),
            ])
        }
        records.print(as: format.output)
    }
}
