import ArgumentParser
import RegistryClient

/// `regconsole sync rules INSTANCE[/NAMESPACE[/REPO]]`.
struct SyncRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List an instance's sync rules, or those covering one namespace or repository.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The ACR instance, namespace or repository.", valueName: "instance[/namespace[/name]]"),
        completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let parts = target.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            throw UsageError(description: "'\(target)' is not INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/NAME")
        }
        let instance = try await DeliveryTarget.sync(parts[0], context: context)
        let namespace = parts.count > 1 ? parts[1] : nil
        let repository = parts.count > 2 ? parts[1] + "/" + parts[2] : nil
        let rules = try await instance.provider.syncRules(namespace: namespace, repository: repository)
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID"), .init(key: "name", header: "NAME"),
                .init(key: "scope", header: "SCOPE"),
                .init(key: "repositoryFilter", header: "REPOSITORIES"), .init(key: "tagFilter", header: "TAGS"),
                .init(key: "trigger", header: "TRIGGER"), .init(key: "target", header: "TARGET"),
                .init(key: "priority", header: "PRIORITY", inTable: false),
            ], omitsAbsent: true)
        for rule in rules {
            records.rows.append([
                .text(rule.id), .text(rule.name), .text(rule.scope.word), .text(rule.repositoryFilterSummary),
                .text(rule.tagFilter), .text(rule.trigger.word), .text(rule.target.description),
                .integer(rule.priority.map(Int64.init)),
            ])
        }
        records.print(as: format.output)
    }
}
