import ArgumentParser
import RegistryClient

/// `regconsole subscriptions rule create INSTANCE --upstream U --from NS/REPO --to NS/REPO --tags RE --count N …`.
struct SubscriptionRuleCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a subscription rule and print its id.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var fields: SubscriptionRuleOptions

    func validate() throws {
        let missing = [
            fields.upstream == nil ? "--upstream" : nil, fields.from == nil ? "--from" : nil,
            fields.to == nil ? "--to" : nil, fields.tags == nil ? "--tags" : nil, fields.count == nil ? "--count" : nil,
        ].compactMap { $0 }
        guard missing.isEmpty else {
            throw ValidationError("a new subscription rule needs \(missing.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let blank = SubscriptionRule(
            upstream: "", upstreamRepository: "", namespace: "", repository: "", tagPattern: "", tagCount: 0)
        let rule = try fields.applied(to: blank)
        let target = try await DeliveryTarget.subscriptions(
            instance, context: context, writing: "create subscription rules")
        print(try await context.replication.saveSubscriptionRule(rule, on: target.provider))
    }
}
