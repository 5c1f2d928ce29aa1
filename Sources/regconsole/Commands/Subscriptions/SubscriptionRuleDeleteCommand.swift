import ArgumentParser
import RegistryClient

/// `regconsole subscriptions rule delete INSTANCE RULE [--yes]`.
struct SubscriptionRuleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a subscription rule (confirm, or --yes); pulled tags stay.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The rule's id (see `subscriptions rules`).", valueName: "rule"))
    var rule: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.subscriptions(
            instance, context: context, writing: "delete subscription rules")
        try target.confirm("delete subscription rule \(rule) of \(target.instance.name)", id: rule, yes: yes)
        try await target.naming("subscription rule", rule, listedBy: "subscriptions rules") {
            try await context.replication.deleteSubscriptionRule(id: rule, on: target.provider)
        }
        print("deleted subscription rule \(rule) of \(target.instance.name)")
    }
}
