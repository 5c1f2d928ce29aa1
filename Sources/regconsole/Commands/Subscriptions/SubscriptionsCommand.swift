import ArgumentParser
import RegistryClient

/// `regconsole subscriptions …`: ACR's artifact subscriptions, pulling upstream images in.
struct SubscriptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions",
        abstract: "ACR artifact subscriptions: rules pulling Docker Hub, GCR or Quay tags in, and their runs.",
        subcommands: [
            SubscriptionsRulesCommand.self, SubscriptionsTasksCommand.self, SubscriptionsRunCommand.self,
            SubscriptionRuleCommand.self,
        ])
}

extension DeliveryTarget where Capability == any Subscribing {
    /// The instance of a `subscriptions` command.
    static func subscriptions(_ text: String, context: CLIContext, writing verb: String? = nil) async throws -> Self {
        try await instance(text, context: context, command: "subscriptions", writing: verb)
    }

    /// The rule with `id`.
    func rule(_ id: String) async throws -> SubscriptionRule {
        guard let rule = try await provider.subscriptionRules().first(where: { $0.id == id }) else {
            throw unknown("subscription rule", id, listedBy: "subscriptions rules")
        }
        return rule
    }
}
