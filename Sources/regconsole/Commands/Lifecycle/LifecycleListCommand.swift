import ArgumentParser
import RegistryClient

/// `regconsole lifecycle list INSTANCE[/NAMESPACE[/REPO]]`.
struct LifecycleListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the lifecycle rules that concern an instance, namespace or repository.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO.", valueName: "target"),
        completion: Completions.reference)
    var target: String
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        let store = target.provider.lifecycleRuleStore(directories: context.directories)
        let runs = LifecycleRunHistory(instance: target.provider.instance.name, directories: context.directories)
            .lastRuns()
        var records = RecordSet(columns: [
            .init(key: "id", header: "ID"), .init(key: "scope", header: "SCOPE"), .init(key: "keep", header: "KEEP"),
            .init(key: "retentionTagCount", header: "N", inTable: false),
            .init(key: "tagRegexp", header: "REGEXP", inTable: false),
            .init(key: "keepPushedWithinDays", header: "DAYS", inTable: false),
            .init(key: "schedule", header: "SCHEDULE"),
            .init(key: "auto", header: "AUTO"), .init(key: "runsOn", header: "RUNS ON"),
            .init(key: "lastRun", header: "LAST RUN"),
            .init(key: "lastRunDeleted", header: "DELETED", alignRight: true),
        ])
        for rule in try await store.rules() where rule.scope.overlaps(target.scope) {
            let run = runs[rule.id]
            records.rows.append([
                .text(rule.id), .text(rule.scope.description), .text(rule.keepSummary),
                .integer(rule.retentionTagCount.map(Int64.init)),
                .text(rule.tagRegexp), .integer(rule.keepPushedWithinDays.map(Int64.init)),
                .text(rule.schedule?.rawValue), .flag(rule.auto),
                .text(store.runsOnServer ? "registry" : "regconsole"), .date(run?.finished),
                .integer(run.map { Int64($0.deleted) }),
            ])
        }
        records.print(as: format.output)
    }
}
