import RegistryClient
import TerminalUI

/// Namespaces as server objects (ACR): a form for the name (new namespaces only), the default
/// visibility of repositories a push creates, and whether a push creates them; deleting asks to
/// type the name, since every repository in the namespace goes with it.
@MainActor
struct NamespaceEditFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any NamespaceManaging

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .namespaces(instance: instance.name) }

    func create() {
        let catalog = context.catalog
        let rule = provider.namespaceNameRule
        let name = rule.field(id: "name", label: catalog[.fieldName], catalog: catalog)
        showForm(
            title: catalog[.namespaceNew], saveLabel: .create, fields: [name] + fields(NamespaceSettings()),
            validate: { form in
                rule.check(&form, "name", catalog: catalog)
                return form.isValid
            },
            save: { form in
                save(form["name"]?.text ?? "", settings(form), isNew: true)
            })
    }

    func edit(_ namespace: Namespace) {
        let current = NamespaceSettings(namespace)
        showForm(
            title: context.catalog[.namespaceEdit, namespace.name], saveLabel: .save, fields: fields(current),
            validate: { _ in true },
            save: { form in
                save(namespace.name, settings(form), isNew: false)
            })
    }

    func delete(_ namespace: Namespace) {
        let catalog = context.catalog
        let name = namespace.name
        confirmDelete(
            name, title: .namespaceDeleteTitle, body: .namespaceDeleteBody, confirmLabel: .namespaceDeleteConfirm
        ) { [provider] in
            run(
                notice: catalog[.deleting, name], done: catalog[.namespaceDeleted, name], failure: .deleteFailed,
                { try await $0.deleteNamespace(name, on: provider) })
        }
    }

    private func fields(_ settings: NamespaceSettings) -> [Form.Field] {
        [
            visibilityField(id: "visibility", label: .fieldDefaultVisibility, selected: settings.defaultVisibility),
            Form.Field(
                id: "autoCreate", label: context.catalog[.fieldAutoCreate],
                value: .toggle(settings.autoCreateRepositories), hint: context.catalog[.hintAutoCreate]),
        ]
    }

    private func settings(_ form: Form) -> NamespaceSettings {
        NamespaceSettings(
            autoCreateRepositories: isOn(form, "autoCreate"), defaultVisibility: visibility(in: form, id: "visibility"))
    }

    private func save(_ name: String, _ settings: NamespaceSettings, isNew: Bool) {
        let catalog = context.catalog
        run(
            notice: catalog[.saving, name], done: catalog[isNew ? .namespaceCreated : .namespaceSaved, name],
            failure: .saveFailed,
            { [provider] in try await $0.saveNamespace(name, settings: settings, isNew: isNew, on: provider) })
    }
}
