import ArgumentParser
import RegistryClient

/// `regconsole events …`: an ACR instance's event center.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "An ACR instance's event notifications: the rules, and the record of what was sent.",
        subcommands: [EventsRulesCommand.self, EventsRecordsCommand.self])
}

extension DeliveryTarget where Capability == any EventCenter {
    /// The instance of an `events` command.
    static func events(_ text: String, context: CLIContext) async throws -> Self {
        try await instance(text, context: context, command: "events")
    }
}
