import ArgumentParser
import RegistryClient

/// `regconsole subscriptions rules INSTANCE`.
struct SubscriptionsRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the subscription rules: which upstream tags land in which repository.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ACR instance.", completion: Completions.instance)
    var instance: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await DeliveryTarget.subscriptions(instance, context: context)
        let rules = try await target.provider.subscriptionRules()
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "upstream", header: "UPSTREAM"),
                .init(key: "from", header: "FROM"), .init(key: "to", header: "TO"),
                .init(key: "tags", header: "TAGS"), .init(key: "count", header: "NEWEST", alignRight: true),
                .init(key: "platforms", header: "PLATFORMS"), .init(key: "overwrite", header: "OVERWRITE"),
                .init(key: "created", header: "CREATED", inTable: false),
            ], omitsAbsent: true)
        for rule in rules {
            records.rows.append([
                .text(rule.id), .text(rule.upstream), .text(rule.upstreamPath),
                .text("\(rule.namespace)/\(rule.repository)"), .text(rule.tagPattern), .integer(Int64(rule.tagCount)),
                .list(rule.platforms), .flag(rule.overwrite), .date(rule.created),
            ])
        }
        records.print(as: format.output)
    }
}
