import RegistryClient
import TerminalUI

/// A Harbor project's tag immutability rules: which tags in which repositories can be neither
/// deleted nor pushed over. `n` adds a rule, `u` enables or disables one, ctrl-d deletes one; every
/// change is audited.
@MainActor
final class ImmutableRuleList: ResourceKind {
    typealias Row = HarborImmutableRule

    unowned let context: any PaneContext
    let instance: Instance
    let project: String
    private var manager: (any ImmutabilityManaging)?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance, project: String) {
        self.context = context
        self.instance = instance
        self.project = project
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.immutableRules] }
    var title: String { "\(context.catalog[.immutableRules]) · \(instance.name)/\(project)" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsHarbor, context.catalog[.immutableRules]] : context.catalog[.emptyImmutable]
    }

    func rows(in pane: ResourcePane<ImmutableRuleList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, project) = (context.session, instance, project)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any ImmutabilityManaging else {
                return
            }
            continuation.yield(try await provider.immutableRules(project: project))
        }
    }

    func searchFields(of row: Row) -> [String] { [row.tags.pattern, row.repositories.pattern] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<ImmutableRuleList>) {
        manager = provider as? any ImmutabilityManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<ImmutableRuleList>) -> Bool {
        change == .lifecycleRules(instance: instance.name)
    }

    func actions(in pane: ResourcePane<ImmutableRuleList>) -> [ConsoleAction] {
        (manager != nil && !context.isReadOnly(instance) ? [.create, .toggleEnabled, .delete] : [])
            + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ImmutableRuleList>) -> Bool {
        guard let manager, [.create, .toggleEnabled, .delete].contains(action) else { return false }
        guard context.requireWritable(instance) else { return true }
        switch action {
        case .create: create(on: manager)
        case .toggleEnabled:
            guard var rule = pane.selected else { return true }
            rule.disabled.toggle()
            let done = context.catalog[rule.disabled ? .immutableDisabled : .immutableEnabled, rule.id ?? 0]
            save(rule, on: manager, done: done)
        case .delete:
            guard let rule = pane.selected, let id = rule.id else { return true }
            confirmDelete(rule, id: id, on: manager)
        default: return false
        }
        return true
    }

    private func create(on manager: any ImmutabilityManaging) {
        let catalog = context.catalog
        let modes = [catalog[.modeMatching], catalog[.modeExcluding]]
        let fields = [
            Form.Field(id: "tags", label: catalog[.fieldTagSelector], value: .text(LineEditor(""))),
            Form.Field(id: "tagMode", label: catalog[.fieldTagMode], value: .choice(modes, selected: 0)),
            Form.Field(id: "repos", label: catalog[.fieldRepoSelector], value: .text(LineEditor("**"))),
            Form.Field(id: "repoMode", label: catalog[.fieldRepoMode], value: .choice(modes, selected: 0)),
        ]
        let dialog = FormDialog(
            title: catalog[.immutableNew], form: Form(fields: fields), saveLabel: catalog[.create],
            cancelLabel: catalog[.cancel])
        let validate = { (form: inout Form) -> Bool in
            let empty = (form["tags"]?.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            form["tags"]?.error = empty ? catalog[.valueRequired] : nil
            return !empty
        }
        context.edit(dialog, validate: validate) { [weak self] form in
            func excludes(_ id: String) -> Bool { form[id]?.value == .choice(modes, selected: 1) }
            let rule = HarborImmutableRule(
                tags: .init(pattern: form["tags"]?.text ?? "", excludes: excludes("tagMode")),
                repositories: .init(pattern: form["repos"]?.text ?? "", excludes: excludes("repoMode")))
            self?.save(rule, on: manager, done: nil)
        }
    }

    private func save(_ rule: HarborImmutableRule, on manager: any ImmutabilityManaging, done: String?) {
        let (context, project, instance) = (context, project, instance)
        context.runJob(notice: nil, failure: .saveFailed) {
            let saved = try await AuditedRetention(audit: context.auditLog).saveImmutableRule(
                rule, project: project, on: manager)
            context.showFlash(done ?? context.catalog[.immutableSaved, saved.id ?? 0])
            context.publish(.lifecycleRules(instance: instance.name))
        }
    }

    private func confirmDelete(_ rule: HarborImmutableRule, id: Int, on manager: any ImmutabilityManaging) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.immutableDeleteTitle, id],
            body: [
                StyledLine("\(catalog.selectorWords(rule.tags)) · \(catalog.selectorWords(rule.repositories))"),
                StyledLine(catalog[.immutableDeleteBody], .warning),
            ], confirmLabel: catalog[.immutableDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, project, instance] in
            context.runJob(notice: nil, failure: .deleteFailed) {
                try await AuditedRetention(audit: context.auditLog).deleteImmutableRule(
                    id: id, project: project, on: manager)
                context.showFlash(catalog[.immutableDeleted, id])
                context.publish(.lifecycleRules(instance: instance.name))
            }
        }
    }

    func columns(in pane: ResourcePane<ImmutableRuleList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnID], width: .fit(min: 2, max: 6), alignRight: true) {
                $0.id.map(String.init) ?? "-"
            },
            TableColumn(catalog[.columnTagPattern], width: .flexible(min: 10)) { catalog.selectorWords($0.tags) },
            TableColumn(catalog[.columnRepos], width: .flexible(min: 10)) { catalog.selectorWords($0.repositories) },
            TableColumn(catalog[.columnDisabled], width: .fit(min: 4, max: 9)) { catalog[$0.disabled ? .yes : .no] },
        ]
    }
}
