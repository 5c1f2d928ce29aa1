import RegistryClient
import TerminalUI

/// Creating, editing and deleting the rows of a pane whose provider manages them as server objects
/// (ACR namespaces and repositories). The shared part: the keys (`n`, `e`, ctrl-d, none on a
/// read-only instance), the visibility field, the delete confirmation that asks to type the name,
/// and running a change as a job with audit entries before and after.
@MainActor
protocol ManagementFlow {
    associatedtype Row
    var context: any PaneContext { get }
    var instance: Instance { get }
    /// The change a successful `run` publishes.
    var change: ConsoleChange { get }

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
        guard !context.isReadOnly(instance) else {
            context.showFlash(context.catalog[.readOnlyChanges, instance.name], error: true)
            return true
        }
        switch (action, selected) {
        case (.create, _): create()
        case (.edit, let row?): edit(row)
        case (.delete, let row?): delete(row)
        default: context.showFlash(context.catalog[.nothingSelected], error: true)
        }
        return true
    }

    /// A public/private choice with `selected` chosen.
    func visibilityField(id: String, label: Message, selected: RepositoryVisibility) -> Form.Field {
        let options = RepositoryVisibility.allCases
        return Form.Field(
            id: id, label: context.catalog[label],
            value: .choice(options.map(context.catalog.visibility), selected: options.firstIndex(of: selected) ?? 0))
    }

    /// The visibility chosen in a field made by `visibilityField`.
    func visibility(in form: Form, id: String) -> RepositoryVisibility {
        guard case .choice(_, let selected)? = form[id]?.value else { return .private }
        return RepositoryVisibility.allCases[selected]
    }

    /// Whether the toggle `id` is on.
    func isOn(_ form: Form, _ id: String) -> Bool { form[id]?.value == .toggle(true) }

    /// Shows a form whose `validate` marks the fields; `save` runs once it passes.
    func showForm(
        title: String, saveLabel: Message, fields: [Form.Field], validate: @escaping (inout Form) -> Bool,
        save: @escaping (Form) -> Void
    ) {
        let dialog = FormDialog(
            title: title, form: Form(fields: fields), saveLabel: context.catalog[saveLabel],
            cancelLabel: context.catalog[.cancel])
        context.edit(dialog, validate: validate, save: save)
    }

    /// Asks to type `name` before `action` runs; `body` says what is lost.
    func confirmDelete(
        _ name: String, title: Message, body: Message, confirmLabel: Message, then action: @escaping () -> Void
    ) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[title, name], body: [StyledLine(catalog[body, name, instance.name], .warning)],
            confirmLabel: catalog[confirmLabel], cancelLabel: catalog[.cancel], typedPhrase: name,
            typedPrompt: catalog[.deleteTypePrompt, name])
        context.confirm(dialog, then: action)
    }

    /// Runs `work` (an `AuditedManagement` change) as a job: on success it flashes `done` and
    /// publishes `change`; a failure flashes `failure`.
    func run(
        notice: String, done: String, failure: Message,
        _ work: @escaping @MainActor (AuditedManagement) async throws -> Void
    ) {
        run(AuditedManagement(audit: context.auditLog), notice: notice, done: done, failure: failure, work)
    }

    /// Runs `work` with another audited API (`AuditedDelivery`) the way `run` does.
    func run<Audited: Sendable>(
        _ audited: Audited, notice: String, done: String, failure: Message,
        _ work: @escaping @MainActor (Audited) async throws -> Void
    ) {
        context.runJob(notice: notice, failure: failure) { [context, change] in
            try await work(audited)
            context.showFlash(done)
            context.publish(change)
        }
    }
}
