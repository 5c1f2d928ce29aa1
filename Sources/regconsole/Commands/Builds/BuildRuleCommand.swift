import ArgumentParser

/// `regconsole builds rule create|update|delete …`.
struct BuildRuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule", abstract: "Create, change or delete a repository's build rules.",
        subcommands: [BuildRuleCreateCommand.self, BuildRuleUpdateCommand.self, BuildRuleDeleteCommand.self])
}
