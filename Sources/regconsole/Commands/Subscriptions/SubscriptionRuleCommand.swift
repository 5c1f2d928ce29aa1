import ArgumentParser

/// `regconsole subscriptions rule create|update|delete …`.
struct SubscriptionRuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule", abstract: "Create, change or delete subscription rules.",
        subcommands: [
            SubscriptionRuleCreateCommand.self, SubscriptionRuleUpdateCommand.self, SubscriptionRuleDeleteCommand.self,
        ])
}
