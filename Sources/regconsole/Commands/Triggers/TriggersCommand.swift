import ArgumentParser
import RegistryClient

/// `regconsole triggers …`: webhooks an ACR repository calls after a build.
struct TriggersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List, create, change or delete the webhooks an ACR repository calls after a build.",
        discussion: "URLs are shown with their password and query values masked (https://deploy:***@host/?token=***).",
        subcommands: [
            TriggersListCommand.self, TriggerCreateCommand.self, TriggerUpdateCommand.self, TriggerDeleteCommand.self,
        ],
        defaultSubcommand: TriggersListCommand.self)
}

extension DeliveryTarget where Capability == any TriggerManaging {
    /// The repository of a `triggers` command.
    static func triggers(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> Self {
        try await repository(text, context: context, command: "triggers", writing: verb)
    }
}
