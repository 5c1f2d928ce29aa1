import ArgumentParser

/// `regconsole sync rule create|delete …`. ACR sync rules cannot be edited: delete and create.
struct SyncRuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule", abstract: "Create or delete an instance's sync rules (a change is a delete and a create).",
        subcommands: [SyncRuleCreateCommand.self, SyncRuleDeleteCommand.self])
}
