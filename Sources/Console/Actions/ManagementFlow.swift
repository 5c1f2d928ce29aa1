import RegistryClient
import TerminalUI

/// Creating, editing and deleting the rows of a pane whose provider manages them as server objects
/// (ACR namespaces and repositories). The shared part: the keys (`n`, `e`, ctrl-d, none on a
/// read-only instance), the visibility field, the delete confirmation that asks to type the name,
/// and running a change as a job with audit entries before and after.
@MainActor
protocol ManagementFlow {
    associatedtype Row
    var app: ConsoleApp { get }
    var instance: Instance { get }

    /// Asks for a new row's fields, then creates it.
    func create()
    /// Asks for a row's new settings, then saves them.
    func edit(_ row: Row)
    /// Asks to confirm, then deletes a row.
    func delete(_ row: Row)
}

extension ManagementFlow {
    /// The actions a flow handles.
    static var actions: [ConsoleAction] { [.create, .edit, .delete] }

    /// Runs `n` (create), `e` or ctrl-d on the selected row; false for other actions.
    func perform(_ action: ConsoleAction, selected: Row?) -> Bool {
        guard Self.actions.contains(action) else { return false }
        guard !app.isReadOnly(instance) else {
            app.showFlash(app.catalog[.readOnlyChanges, instance.name], error: true)
            return true
        }
        switch (action, selected) {
        case (.create, _): create()
        case (.edit, let row?): edit(row)
        case (.delete, let row?): delete(row)
        default: app.showFlash(app.catalog[.nothingSelected], error: true)
        }
        return true
    }

    /// The visibility an ACR row carries in its attributes, if any.
    static func visibility(of attributes: [String: String]) -> RepositoryVisibility? {
        attributes[ACRAttribute.visibility].flatMap(RepositoryVisibility.init(rawValue:))
    }

    /// A public/private choice with `selected` chosen.
    func visibilityField(id: String, label: Message, selected: RepositoryVisibility) -> Form.Field {
        let options = RepositoryVisibility.allCases
        return Form.Field(id: id, label: app.catalog[label], value: .choice(options.map(app.catalog.visibility), selected: options.firstIndex(of: selected) ?? 0))
    }

    /// The visibility chosen in a field made by `visibilityField`.
    func visibility(in form: Form, id: String) -> RepositoryVisibility {
        guard case .choice(_, let selected)? = form[id]?.value else { return .private }
        return RepositoryVisibility.allCases[selected]
    }

    /// Whether the toggle `id` is on.
    func isOn(_ form: Form, _ id: String) -> Bool { form[id]?.value == .toggle(true) }

    /// Shows a form whose `validate` marks the fields; `save` runs once it passes.
    func showForm(title: String, saveLabel: Message, fields: [Form.Field], validate: @escaping (inout Form) -> Bool, save: @escaping (Form) -> Void) {
        let dialog = FormDialog(title: title, form: Form(fields: fields), saveLabel: app.catalog[saveLabel], cancelLabel: app.catalog[.cancel])
        app.edit(dialog, validate: validate, save: save)
    }

    /// Asks to type `name` before `action` runs; `body` says what is lost.
    func confirmDelete(_ name: String, title: Message, body: Message, confirmLabel: Message, then action: @escaping () -> Void) {
        let catalog = app.catalog
        let dialog = ConfirmDialog(
            title: catalog[title, name], body: [StyledLine(catalog[body, name, instance.name], .warning)],
            confirmLabel: catalog[confirmLabel], cancelLabel: catalog[.cancel], typedPhrase: name, typedPrompt: catalog[.deleteTypePrompt, name])
        app.confirm(dialog, then: action)
    }

    /// Runs `work` as a job: an `intent` audit entry first (nothing runs when it cannot be written),
    /// `done` or `failed` after. On success it flashes `done` and calls `completion`; a failure
    /// flashes `failure`.
    /// - Parameters:
    ///   - action: the audit action (`namespace-create`, `repository-delete`…).
    ///   - repository: the repository changed, if one is.
    ///   - detail: what changes, for the audit log.
    func run(
        action: String, repository: String? = nil, detail: String, notice: String, done: String, failure: Message,
        _ work: @escaping @MainActor () async throws -> Void, completion: @escaping @MainActor () -> Void
    ) {
        let log = app.auditLog
        let instance = instance.name
        let entry = { (phase: String, problem: String?) in
            AuditLog.Entry(action: action, phase: phase, instance: instance, repository: repository, detail: problem.map { "\(detail): \($0)" } ?? detail)
        }
        app.runJob(notice: notice, failure: failure) { [app] in
            try log.append(entry("intent", nil))
            do {
                try await work()
            } catch {
                try? log.append(entry("failed", String(describing: error)))
                throw error
            }
            try log.append(entry("done", nil))
            app.showFlash(done)
            completion()
        }
    }
}
