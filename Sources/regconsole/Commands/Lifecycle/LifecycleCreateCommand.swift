import ArgumentParser
import RegistryClient

/// `regconsole lifecycle create INSTANCE[/NAMESPACE[/REPO]] --keep N [--keep-regexp RE] …`.
struct LifecycleCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a lifecycle rule whose scope is the target.",
        discussion: "Check what it would do with `regconsole lifecycle plan TARGET --rule ID` before applying it.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp(
            "INSTANCE, INSTANCE/NAMESPACE or INSTANCE/NAMESPACE/REPO: the rule's scope.", valueName: "target"))
    var target: String
    @Option(name: .long, help: "The rule's id (default: rule-N, the first one free).")
    var id: String?
    @OptionGroup var fields: LifecycleRuleOptions

    func run() async throws {
        let context = try CLIContext(global)
        let target = try await LifecycleTarget(self.target, context: context)
        try target.requireWritable()
        let store = target.provider.lifecycleRuleStore(directories: context.directories)
        let existing = try await store.rules()
        let rule = try fields.applied(
            to: LifecycleRule(id: id ?? LifecycleRule.newID(existing: existing), scope: target.scope))
        if existing.contains(where: { $0.id == rule.id }) {
            throw UsageError(
                description: "\(target.provider.instance.name) already has a rule '\(rule.id)'; use `lifecycle update`")
        }
        let saved = try await store.save(rule)
        print("created rule \(saved.id) on \(target.provider.instance.name): \(saved.scope), keep \(saved.keepSummary)")
    }
}
