import ArgumentParser
import RegistryClient

/// `regconsole builds …`: ACR's image builds from a bound source repository.
struct BuildsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builds",
        abstract: "ACR image builds: rules, builds and their logs, the source binding; start, cancel and rebuild.",
        subcommands: [
            BuildsRulesCommand.self, BuildsListCommand.self, BuildsSourceCommand.self, BuildsRunCommand.self,
            BuildsLogCommand.self, BuildsCancelCommand.self, BuildsRebuildCommand.self, BuildRuleCommand.self,
        ])

    /// What the commands call themselves when the instance cannot build.
    static let name = "builds"
}

extension DeliveryTarget where Capability == any BuildManaging {
    /// The repository of a `builds` command.
    static func builds(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> Self {
        try await repository(text, context: context, command: BuildsCommand.name, writing: verb)
    }
}
