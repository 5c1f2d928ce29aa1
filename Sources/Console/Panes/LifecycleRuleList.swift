import Foundation
import RegistryClient
import TerminalUI

/// The lifecycle rules that concern an instance, a namespace or a repository: what each keeps, its
/// schedule, who runs it and when it last ran. `n` creates a rule here, enter edits one (with its
/// live preview), `a` applies, ctrl-d deletes a rule (never tags).
@MainActor
final class LifecycleRuleList: ResourceKind {
    struct Row: Identifiable, Sendable {
        var rule: LifecycleRule
        var lastRun: LifecycleRunHistory.Run?
        var id: String { rule.id }
    }

    unowned let context: any PaneContext
    let instance: Instance
    let scope: LifecycleRule.Scope
    private var provider: (any RegistryProvider)?
    private var store: (any LifecycleRuleStore)?

    init(context: any PaneContext, instance: Instance, scope: LifecycleRule.Scope) {
        self.context = context
        self.instance = instance
        self.scope = scope
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.lifecycleRules] }
    var title: String {
        let base = "\(context.catalog[.lifecycleRules]) · \(instance.name) · \(scope)"
        return instance.isACRPersonal ? "\(base) · \(context.catalog[.rulesClientSide])" : base
    }
    var location: ViewLocation {
        switch scope {
        case .instance: ViewLocation(instance: instance.name)
        case .namespace(let namespace): ViewLocation(instance: instance.name, namespace: namespace)
        case .repository(let repository):
            ViewLocation(
                instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
        }
    }
    var emptyText: String { context.catalog[instance.isACRPersonal ? .emptyRulesClientSide : .emptyRules] }

    func rows(in pane: ResourcePane<LifecycleRuleList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, directories, instance, scope) = (context.session, context.directories, instance, scope)
        return .producing { continuation in
            let store = try await session.provider(for: instance.name).lifecycleRuleStore(directories: directories)
            let rules = try await store.rules().filter { $0.scope.overlaps(scope) }
            let runs = LifecycleRunHistory(instance: instance.name, directories: directories).lastRuns()
            continuation.yield(rules.map { Row(rule: $0, lastRun: runs[$0.id]) })
        }
    }

    func searchFields(of row: Row) -> [String] { [row.rule.id, row.rule.scope.description, row.rule.keepSummary] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<LifecycleRuleList>) {
        self.provider = provider
        store = provider.lifecycleRuleStore(directories: context.directories)
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<LifecycleRuleList>) -> Bool {
        change == .lifecycleRules(instance: instance.name)
    }

    func actions(in pane: ResourcePane<LifecycleRuleList>) -> [ConsoleAction] {
        context.isReadOnly(instance)
            ? [.back, .filter, .refresh] : [.open, .create, .apply, .delete, .back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<LifecycleRuleList>) -> Bool {
        let rules = pane.list.items.map(\.rule)
        switch action {
        case .open, .edit:
            guard let row = pane.selected else { return true }
            openEditor(row.rule, isNew: false, others: rules)
        case .create:
            openEditor(
                LifecycleRule(id: LifecycleRule.newID(existing: rules), scope: scope, retentionTagCount: 10),
                isNew: true, others: rules)
        case .apply:
            guard context.requireWritable(instance), let provider, let row = pane.selected else { return true }
            // Applying one rule applies every stored rule sharing a repository with it, so no tag
            // another rule keeps is deleted.
            LifecycleApplyFlow(context: context, provider: provider, scope: row.rule.scope)
                .start(rules: rules.filter { $0.scope.overlaps(row.rule.scope) })
        case .delete:
            guard context.requireWritable(instance), let row = pane.selected else { return true }
            confirmDelete(row.rule)
        default:
            return false
        }
        return true
    }

    private func openEditor(_ rule: LifecycleRule, isNew: Bool, others: [LifecycleRule]) {
        guard context.requireWritable(instance), let provider, let store else { return }
        context.push(
            LifecycleEditorScreen(
                context: context, provider: provider, store: store, rule: rule, isNew: isNew,
                otherRules: others.filter { $0.id != rule.id }))
    }

    private func confirmDelete(_ rule: LifecycleRule) {
        guard let store else { return }
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.ruleDeleteTitle, rule.id],
            body: [StyledLine("\(rule.scope) · \(rule.keepSummary)"), StyledLine(catalog[.ruleDeleteBody], .muted)],
            confirmLabel: catalog[.ruleDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, instance] in
            context.runJob(notice: nil, failure: .deleteFailed) {
                try await store.delete(id: rule.id)
                context.showFlash(catalog[.ruleDeleted, rule.id])
                context.publish(.lifecycleRules(instance: instance.name))
            }
        }
    }

    func columns(in pane: ResourcePane<LifecycleRuleList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        let runsOn = store?.runsOnServer == true ? catalog[.runsOnRegistry] : catalog[.runsOnRegconsole]
        return [
            TableColumn(catalog[.columnRule], width: .fit(min: 6, max: 24)) { $0.rule.id },
            TableColumn(catalog[.columnScope], width: .fit(min: 8, max: 32)) { $0.rule.scope.description },
            TableColumn(catalog[.columnKeep], width: .flexible(min: 12)) { $0.rule.keepSummary },
            TableColumn(catalog[.columnSchedule], width: .fit(min: 8, max: 10)) { row in
                row.rule.auto ? row.rule.schedule?.rawValue ?? "-" : catalog[.scheduleManual]
            },
            TableColumn(catalog[.columnRunsOn], width: .fit(min: 8, max: 12)) { _ in runsOn },
            TableColumn(catalog[.columnLastRun], width: .fit(min: 8, max: 24)) { [context] row in
                row.lastRun.map { "\(context.relativeTime($0.finished)) · -\($0.deleted)" } ?? "-"
            },
        ]
    }
}
