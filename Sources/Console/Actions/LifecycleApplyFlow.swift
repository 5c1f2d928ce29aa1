import Foundation
import RegistryClient
import TerminalUI

/// Applying lifecycle rules from the console, the same way `lifecycle apply` does: plan (reading
/// the tags in scope), show the totals and the first deletions, confirm (typed for production or
/// more than 10 manifests), then a run pane with a status per manifest. An interrupted run of the
/// same rules over the same scope is offered for resuming first; any other interrupted run is named
/// and nothing is planned until it is finished or discarded.
@MainActor
struct LifecycleApplyFlow {
    let context: any PaneContext
    let provider: any RegistryProvider
    let scope: LifecycleRule.Scope

    private var executor: LifecycleExecutor { LifecycleExecutor(provider: provider, directories: context.directories) }

    /// Plans `rules` over the scope, then confirms and runs.
    func start(rules: [LifecycleRule]) {
        if handleInterrupted(rules: rules) { return }
        context.runJob(notice: context.catalog[.deletePlanning], failure: .loadFailed) { [provider, scope, context] in
            let inventory = try await LifecycleInventory.load(provider: provider, rules: rules, scope: scope)
            confirm(LifecycleEngine.plan(rules: rules, inventory: inventory, now: context.now), rules: rules)
        }
    }

    /// Confirms a plan already made (the editor's preview) and runs it.
    func confirm(_ plan: LifecyclePlan, rules: [LifecycleRule]) {
        if handleInterrupted(rules: rules) { return }
        let catalog = context.catalog
        let items = LifecycleExecutor.items(of: plan)
        guard !items.isEmpty else {
            context.showFlash(catalog[.applyNothing])
            return
        }
        var body = [
            StyledLine(
                catalog[
                    .applyBody, plan.deletions.count, items.count, plan.keptCount, ByteCount.format(plan.bytesFreed)]),
            StyledLine(""),
        ]
        body += plan.deletions.prefix(8).map {
            StyledLine("\($0.repository):\($0.tag)  \(catalog.describe($0.reason))", .error)
        }
        if plan.deletions.count > 8 { body.append(StyledLine("…", .muted)) }
        body += plan.warnings.map { StyledLine(catalog[.previewWarning, $0], .warning) }
        let typed = provider.instance.production || items.count > 10 ? "delete \(items.count)" : nil
        let dialog = ConfirmDialog(
            title: catalog[
                .applyTitle, rules.map(\.id).joined(separator: ", "), "\(provider.instance.name) · \(scope)"],
            body: body,
            confirmLabel: catalog[.applyConfirm, items.count], cancelLabel: catalog[.cancel], typedPhrase: typed,
            typedPrompt: typed.map { catalog[.deleteTypePrompt, $0] } ?? "")
        context.confirm(dialog) { [context, provider, scope] in
            context.push(
                LifecycleRunScreen(context: context, provider: provider, run: .apply(plan, rules: rules, scope: scope)))
        }
    }

    /// When a run was interrupted, returns true having either offered to finish it (the run of
    /// `rules` over this scope) or said which run must be finished or discarded first.
    private func handleInterrupted(rules: [LifecycleRule]) -> Bool {
        guard let interrupted = executor.interrupted else { return false }
        let catalog = context.catalog
        let started = context.relativeTime(interrupted.started)
        guard
            interrupted.isRun(
                of: LifecycleJournal.fingerprint(instance: provider.instance.name, scope: scope, rules: rules))
        else {
            context.showFlash(
                catalog[.resumeOther, interrupted.location, started, interrupted.done, interrupted.total], error: true)
            return true
        }
        let dialog = ConfirmDialog(
            title: catalog[.resumeTitle],
            body: [
                StyledLine(catalog[.resumeBody, started, interrupted.done, interrupted.total]),
                StyledLine(interrupted.location),
                StyledLine(interrupted.remainingSummary(), .error),
            ],
            confirmLabel: catalog[.resumeConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, provider] in
            context.push(LifecycleRunScreen(context: context, provider: provider, run: .resume))
        }
        return true
    }
}
