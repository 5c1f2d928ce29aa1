import ArgumentParser
import RegistryClient

/// `regconsole subscriptions rule update INSTANCE RULE [--tags RE] …`: changes the given fields, keeps the rest.
struct SubscriptionRuleUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a subscription rule (shown before they change); the rest stay.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: ArgumentHelp("The rule's id (see `subscriptions rules`).", valueName: "rule"))
    var rule: String
    @OptionGroup var fields: SubscriptionRuleOptions

    func validate() throws {
        guard !fields.isEmpty else { throw ValidationError("give at least one field to change") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.subscriptions(
            instance, context: context, writing: "edit subscription rules")
        let current = try await target.rule(rule)
        let changed = try fields.applied(to: current)
        let changes = SubscriptionRuleOptions.changes(from: current, to: changed)
        let subject = "subscription rule \(rule) of \(target.instance.name)"
        guard !changes.isEmpty else {
            print("\(subject) already is so; nothing changed")
            return
        }
        changes.show("changing \(subject)")
        try await context.replication.saveSubscriptionRule(changed, on: target.provider)
        print("updated \(subject)")
    }
}
