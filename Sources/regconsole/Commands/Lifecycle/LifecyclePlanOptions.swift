import ArgumentParser
import Foundation
import RegistryClient

/// Which rules a plan uses, and how it reads the registry: shared by `plan` and `apply`.
struct LifecyclePlanOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only the stored rule with this id.", valueName: "id"))
    var rule: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Rules from this file instead of the stored ones (see `lifecycle --help`).", valueName: "file"))
    var rules: String?
    @Option(name: .long, help: "Parallel requests while reading tags.")
    var concurrency = 16

    /// The rules chosen for `target`.
    func selectedRules(for target: LifecycleTarget, context: CLIContext) async throws -> [LifecycleRule] {
        if rule != nil, rules != nil { throw UsageError(description: "give --rule or --rules, not both") }
        var selected: [LifecycleRule]
        if let rules {
            guard let data = FileManager.default.contents(atPath: rules) else {
                throw UsageError(description: "cannot read rules file '\(rules)'")
            }
            selected = try LifecycleRule.parseFile(String(decoding: data, as: UTF8.self), file: rules)
        } else {
            selected = try await target.provider.lifecycleRuleStore(directories: context.directories).rules()
            if let rule {
                selected = selected.filter { $0.id == rule }
                if selected.isEmpty {
                    throw UsageError(
                        description:
                            "\(target.provider.instance.name) has no lifecycle rule '\(rule)'; see `regconsole lifecycle list`"
                    )
                }
            }
        }
        return selected.filter { $0.scope.overlaps(target.scope) }
    }

    /// Reads the registry and plans `selected` (the chosen rules) over `target`, showing progress on a terminal.
    func plan(_ target: LifecycleTarget, rules selected: [LifecycleRule]) async throws -> LifecyclePlan {
        guard !selected.isEmpty else {
            throw CommandFailure(
                status: .success,
                description:
                    "no lifecycle rule applies to \(target.provider.instance.name); create one with `regconsole lifecycle create`"
            )
        }
        let progress = ProgressLine("reading tags", total: 0)
        let inventory = try await LifecycleInventory.load(
            provider: target.provider, rules: selected, scope: target.scope, concurrency: concurrency
        ) { done, total in progress.report(done, of: total) }
        progress.finish()
        return LifecycleEngine.plan(rules: selected, inventory: inventory, now: Date())
    }
}
