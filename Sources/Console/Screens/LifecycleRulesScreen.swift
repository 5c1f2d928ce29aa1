import Foundation
import RegistryClient
import TerminalUI

/// The lifecycle rules that concern an instance, a namespace or a repository: what each keeps, its
/// schedule, who runs it and when it last ran. `n` creates a rule here, enter edits one (with its
/// live preview), `a` applies, ctrl-d deletes a rule (never tags).
@MainActor
final class LifecycleRulesScreen: Screen, InstanceScoped {
    struct Row: Identifiable, Sendable {
        var rule: LifecycleRule
        var lastRun: LifecycleRunHistory.Run?
        var id: String { rule.id }
    }

    let instance: Instance
    let scope: LifecycleRule.Scope
    private unowned let app: ConsoleApp
    private let model: ListModel<Row>
    private let load: PaneLoad
    private var store: (any LifecycleRuleStore)?
    private var provider: (any RegistryProvider)?

    init(app: ConsoleApp, instance: Instance, scope: LifecycleRule.Scope) {
        self.app = app
        self.instance = instance
        self.scope = scope
        model = ListModel(searchFields: { [$0.rule.id, "\($0.rule.scope)", $0.rule.keepSummary] })
        load = PaneLoad { [unowned app] in app.requestDisplay() }
    }

    var crumb: String { app.catalog[.lifecycleRules] }
    var title: String { "\(app.catalog[.lifecycleRules]) · \(instance.name) · \(scope)" }
    var counter: String { load.isRunning ? "…" : String(model.count) }
    var isBusy: Bool { load.isRunning }
    var location: ViewLocation {
        switch scope {
        case .instance: ViewLocation(instance: instance.name)
        case .namespace(let namespace): ViewLocation(instance: instance.name, namespace: namespace)
        case .repository(let repository): ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
        }
    }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] {
        app.isReadOnly(instance) ? [.back, .filter, .refresh] : [.open, .create, .apply, .delete, .back, .filter, .refresh]
    }

    func appear() { load.appear(refresh) }

    func close() { load.cancel() }

    func settle() async { await load.settle() }

    func refresh() {
        load.run { [weak self, app, instance, scope] in
            let provider = try await app.session.provider(for: instance.name)
            let store = provider.lifecycleRuleStore(directories: app.directories)
            let rules = try await store.rules().filter { $0.scope.overlaps(scope) }
            let runs = LifecycleRunHistory(instance: instance.name, directories: app.directories).lastRuns()
            guard let self else { return }
            self.provider = provider
            self.store = store
            self.model.replace(with: rules.map { Row(rule: $0, lastRun: runs[$0.id]) })
        }
    }

    // MARK: Actions

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        switch action {
        case .open, .edit:
            guard let row = model.selected else { return true }
            openEditor(row.rule, isNew: false)
        case .create:
            openEditor(LifecycleRule(id: LifecycleRule.newID(existing: model.items.map(\.rule)), scope: scope, retentionTagCount: 10), isNew: true)
        case .apply:
            guard writable(), let provider, let row = model.selected else { return true }
            LifecycleApplyFlow(app: app, provider: provider, scope: row.rule.scope) { [weak self] in self?.refresh() }.start(rules: storedRules(overlapping: row.rule.scope))
        case .delete:
            guard writable(), let row = model.selected else { return true }
            confirmDelete(row.rule)
        default:
            return false
        }
        return true
    }

    /// The stored rules that share a repository with `scope`: applying one rule applies them all
    /// there, so no tag another rule keeps is deleted.
    private func storedRules(overlapping scope: LifecycleRule.Scope) -> [LifecycleRule] {
        model.items.map(\.rule).filter { $0.scope.overlaps(scope) }
    }

    private func writable() -> Bool {
        guard app.isReadOnly(instance) else { return true }
        app.showFlash(app.catalog[.readOnly, instance.name], error: true)
        return false
    }

    private func openEditor(_ rule: LifecycleRule, isNew: Bool) {
        guard writable(), let provider, let store else { return }
        let others = model.items.map(\.rule).filter { $0.id != rule.id }
        app.push(LifecycleEditorScreen(app: app, provider: provider, store: store, rule: rule, isNew: isNew, otherRules: others) { [weak self] in
            self?.refresh()
        })
    }

    private func confirmDelete(_ rule: LifecycleRule) {
        guard let store else { return }
        let catalog = app.catalog
        let dialog = ConfirmDialog(
            title: catalog[.ruleDeleteTitle, rule.id], body: [StyledLine("\(rule.scope) · \(rule.keepSummary)"), StyledLine(catalog[.ruleDeleteBody], .muted)],
            confirmLabel: catalog[.ruleDeleteConfirm], cancelLabel: catalog[.cancel])
        app.confirm(dialog) { [weak self, app] in
            Task {
                do {
                    try await store.delete(id: rule.id)
                    app.showFlash(catalog[.ruleDeleted, rule.id])
                } catch {
                    app.showFlash(String(describing: error), error: true)
                }
                self?.refresh()
            }
        }
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    // MARK: Drawing

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        let runsOn = store?.runsOnServer == true ? catalog[.runsOnRegistry] : catalog[.runsOnRegconsole]
        let columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnRule], width: .fit(min: 6, max: 24)) { $0.rule.id },
            TableColumn(catalog[.columnScope], width: .fit(min: 8, max: 32)) { $0.rule.scope.description },
            TableColumn(catalog[.columnKeep], width: .flexible(min: 12)) { $0.rule.keepSummary },
            TableColumn(catalog[.columnSchedule], width: .fit(min: 8, max: 10)) { row in
                row.rule.auto ? row.rule.schedule?.rawValue ?? "-" : catalog[.scheduleManual]
            },
            TableColumn(catalog[.columnRunsOn], width: .fit(min: 8, max: 12)) { _ in runsOn },
            TableColumn(catalog[.columnLastRun], width: .fit(min: 8, max: 24)) { [app] row in
                row.lastRun.map { "\(app.relativeTime($0.finished)) · -\($0.deleted)" } ?? "-"
            },
        ]
        let empty = load.failure.map { catalog[.loadFailed, $0] } ?? (load.isRunning ? catalog[.loading] : catalog[.emptyRules])
        Table(columns: columns, count: model.count, emptyText: empty, row: model.item(at:)).draw(on: surface, in: rect, state: &model.state, theme: theme)
    }
}
