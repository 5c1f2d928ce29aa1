import RegistryClient
import TerminalUI

/// What the Harbor retention rules pane does: edit a rule (the editor with its live preview),
/// delete one, run a server dry run and open its comparison with the preview, and run the policy
/// for real after a typed confirmation. Every change goes through `AuditedRetention`.
@MainActor
struct HarborRetentionFlow {
    let context: any PaneContext
    let provider: any RetentionPolicyManaging
    let project: String

    private var instance: Instance { provider.instance }

    /// Opens the editor on rule `index` of `policy`, or on a new rule when `index` is nil.
    func edit(policy: HarborRetentionPolicy?, index: Int?) {
        context.push(
            HarborRetentionEditorScreen(
                context: context, provider: provider, project: project, policy: policy, index: index))
    }

    /// Asks, then saves the policy without rule `index`.
    func deleteRule(_ index: Int, of policy: HarborRetentionPolicy) {
        let catalog = context.catalog
        let rule = policy.rules[index]
        let dialog = ConfirmDialog(
            title: catalog[.retentionRuleDeleteTitle, index + 1],
            body: [
                StyledLine("\(catalog.templateWords(rule)) · \(catalog.selectorWords(rule.tags))"),
                StyledLine(catalog[.retentionRuleDeleteBody], .muted),
            ], confirmLabel: catalog[.ruleDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, provider, project, instance] in
            var changed = policy
            changed.rules.remove(at: index)
            context.runJob(notice: nil, failure: .saveFailed) {
                _ = try await AuditedRetention(audit: context.auditLog).savePolicy(
                    changed, project: project, on: provider)
                context.showFlash(catalog[.retentionSaved, project])
                context.publish(.lifecycleRules(instance: instance.name))
            }
        }
    }

    /// Runs a dry run of the policy as stored now on the server, waits for it, and shows it beside
    /// the preview of the same policy.
    func dryRun() {
        let catalog = context.catalog
        context.runJob(notice: catalog[.retentionDryRunning, project], failure: .syncRunFailed) {
            [context, provider, project, instance] in
            guard let policy = try await provider.retentionPolicy(project: project), let id = policy.id else {
                throw RegistryError(.notFound, catalog[.retentionNoPolicy, project])
            }
            let server = try await provider.runRetention(policyID: id, dryRun: true)
            let preview = try await provider.retentionPreview(policy: policy, project: project, now: context.now)
            let comparison = RetentionComparison(preview: preview, server: server.results)
            context.push(
                RetentionComparisonScreen(
                    context: context, instance: instance, project: project, comparison: comparison))
        }
    }

    /// Asks to type the project's name, then runs the policy for real and says what it deleted.
    func run(_ policy: HarborRetentionPolicy) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.retentionRunTitle, project], body: [StyledLine(catalog[.retentionRunBody], .warning)],
            confirmLabel: catalog[.retentionRunConfirm], cancelLabel: catalog[.cancel], typedPhrase: project,
            typedPrompt: catalog[.deleteTypePrompt, project])
        context.confirm(dialog) { [context, provider, project, instance] in
            context.runJob(notice: catalog[.retentionRunning, project], failure: .syncRunFailed) {
                let run = try await AuditedRetention(audit: context.auditLog).run(
                    policy, project: project, on: provider)
                context.showFlash(
                    catalog[.retentionRunDone, run.execution.id, run.execution.status, run.deletedArtifacts],
                    error: !run.execution.succeeded)
                for task in run.tasks {
                    context.publish(.tags(instance: instance.name, repository: task.repository))
                }
                context.publish(.lifecycleRules(instance: instance.name))
            }
        }
    }
}
