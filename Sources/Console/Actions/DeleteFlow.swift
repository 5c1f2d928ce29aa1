import RegistryClient
import TerminalUI

/// Deleting tags from the console: plan, show the plan, confirm (typed for production instances or
/// more than 10 manifests), compare-and-delete, audit — the same steps as `regconsole delete`.
@MainActor
struct DeleteFlow {
    let context: any PaneContext
    let provider: any RegistryProvider
    let repository: String

    /// Plans deleting `tags`, then asks for confirmation.
    func start(tags: [String]) {
        context.runJob(notice: context.catalog[.deletePlanning], failure: .deleteFailed) { [provider, repository] in
            present(
                try await DeletePlanner(provider: provider).plan(
                    repository: repository, targets: tags.map(DeleteTarget.tag)))
        }
    }

    private func present(_ plan: DeletePlan) {
        let catalog = context.catalog
        let lines = plan.items.map { item -> StyledLine in
            let name = "\(repository)@\(item.digest?.short ?? "?")"
            switch item.decision {
            case .delete: return StyledLine(catalog[.deleteLine, name, item.tagsRemoved.joined(separator: ", ")], .text)
            case .refuse(let reason):
                return StyledLine(
                    catalog[.refuseLine, item.requested.joined(separator: ", "), catalog.describe(reason)], .warning)
            }
        }
        guard !plan.deletions.isEmpty else {
            context.showFlash(
                catalog[
                    .deleteNothing,
                    plan.refusals.compactMap {
                        if case .refuse(let reason) = $0.decision { catalog.describe(reason) } else { nil }
                    }.joined(separator: "; ")], error: true)
            return
        }
        let phrase = plan.needsTypedConfirmation ? "delete \(plan.deletions.count)" : nil
        let dialog = ConfirmDialog(
            title: catalog[.deleteTitle, "\(plan.instance.name)/\(repository)"],
            body: lines + [StyledLine(""), StyledLine(catalog[.deleteGarbageCollection], .muted)],
            confirmLabel: catalog[.deleteConfirm], cancelLabel: catalog[.deleteCancel], typedPhrase: phrase,
            typedPrompt: phrase.map { catalog[.deleteTypePrompt, $0] } ?? "")
        context.confirm(dialog) { execute(plan) }
    }

    private func execute(_ plan: DeletePlan) {
        let catalog = context.catalog
        let total = plan.deletions.count
        context.beginJob()
        Task {
            defer { context.endJob() }
            let order = plan.deletions.map(\.id)
            do {
                let outcomes = try await DeleteExecutor(provider: provider, audit: context.auditLog).execute(plan) {
                    item, _ in
                    let done = (order.firstIndex(of: item.id) ?? 0) + 1
                    Task { @MainActor in context.showFlash(catalog[.deleteProgress, done, total]) }
                }
                let deleted = outcomes.filter { $0.1 == .deleted }.count
                let problems = outcomes.compactMap { outcome -> String? in
                    switch outcome.1 {
                    case .deleted: nil
                    case .skipped(let reason): catalog.describe(reason)
                    case .failed(let reason): reason
                    }
                }
                if problems.isEmpty {
                    context.showFlash(catalog[.deleteDone, deleted])
                } else {
                    context.showFlash(
                        catalog[.deleteDone, deleted] + " · "
                            + catalog[.deleteSkipped, problems.count, problems.joined(separator: "; ")], error: true)
                }
            } catch {
                context.showFlash(catalog[.deleteFailed, catalog.describe(error)], error: true)
            }
            context.publish(.tags(instance: plan.instance.name, repository: repository))
        }
    }
}
