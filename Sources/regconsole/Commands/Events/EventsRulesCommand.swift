import ArgumentParser
import RegistryClient

/// `regconsole events rules INSTANCE`.
struct EventsRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the event-center rules; type and channel show where recent notifications tell them.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let center = try await DeliveryTarget.events(instance, context: context)
        let rules = try await center.provider.eventRules()
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "name", header: "NAME"), .init(key: "type", header: "TYPE"),
                .init(key: "scope", header: "SCOPE"), .init(key: "channel", header: "CHANNEL"),
            ], omitsAbsent: true)
        for rule in rules {
            records.rows.append([
                .text(rule.id), .text(rule.name), .text(rule.type), .text(rule.scope), .text(rule.channel),
            ])
        }
        records.print(as: format.output)
    }
}
