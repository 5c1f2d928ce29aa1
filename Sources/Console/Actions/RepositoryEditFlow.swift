import Foundation
import RegistryClient
import TerminalUI

/// Repositories as server objects (ACR): a form for the namespace and name (new repositories only),
/// the summary ACR requires, the visibility and tag immutability; deleting asks to type the
/// repository's name, since every tag in it goes with it.
@MainActor
struct RepositoryEditFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any RepositoryManaging
    /// The namespace a new repository goes in by default.
    let namespace: String?

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .repositories(instance: instance.name, namespace: nil) }

    func create() {
        let catalog = context.catalog
        let (namespaceRule, nameRule) = (provider.namespaceNameRule, provider.repositoryNameRule)
        let fields =
            [
                namespaceRule.field(
                    id: "namespace", label: catalog[.fieldNamespace], value: namespace ?? "", catalog: catalog),
                nameRule.field(id: "name", label: catalog[.fieldName], catalog: catalog),
            ] + settingsFields(RepositorySettings(summary: ""))
        showForm(
            title: catalog[.repositoryNew], saveLabel: .create, fields: fields,
            validate: { form in
                namespaceRule.check(&form, "namespace", catalog: catalog)
                nameRule.check(&form, "name", catalog: catalog)
                return checkSummary(&form)
            },
            save: { form in
                save("\(form["namespace"]?.text ?? "")/\(form["name"]?.text ?? "")", settings(form), isNew: true)
            })
    }

    func edit(_ repository: Repository) {
        let current = RepositorySettings(repository)
        showForm(
            title: context.catalog[.repositoryEdit, repository.name], saveLabel: .save, fields: settingsFields(current),
            validate: checkSummary
        ) { form in
            save(repository.name, settings(form), isNew: false)
        }
    }

    func delete(_ repository: Repository) {
        let catalog = context.catalog
        let name = repository.name
        confirmDelete(
            name, title: .repositoryDeleteTitle, body: .repositoryDeleteBody, confirmLabel: .repositoryDeleteConfirm
        ) { [provider] in
            run(
                notice: catalog[.deleting, name], done: catalog[.repositoryDeleted, name], failure: .deleteFailed,
                { try await $0.deleteRepository(name, on: provider) })
        }
    }

    private func settingsFields(_ settings: RepositorySettings) -> [Form.Field] {
        let catalog = context.catalog
        return [
            Form.Field(id: "summary", label: catalog[.fieldSummary], value: .text(LineEditor(settings.summary))),
            visibilityField(id: "visibility", label: .fieldVisibility, selected: settings.visibility),
            Form.Field(
                id: "immutable", label: catalog[.fieldTagImmutability], value: .toggle(settings.tagImmutability),
                hint: catalog[.hintTagImmutability]),
        ]
    }

    /// ACR requires a summary.
    private func checkSummary(_ form: inout Form) -> Bool {
        let summary = form["summary"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        form["summary"]?.error = summary.isEmpty ? context.catalog[.valueRequired] : nil
        return form.isValid
    }

    private func settings(_ form: Form) -> RepositorySettings {
        RepositorySettings(
            summary: form["summary"]?.text.trimmingCharacters(in: .whitespaces) ?? "",
            visibility: visibility(in: form, id: "visibility"),
            tagImmutability: isOn(form, "immutable"))
    }

    private func save(_ name: String, _ settings: RepositorySettings, isNew: Bool) {
        let catalog = context.catalog
        run(
            notice: catalog[.saving, name], done: catalog[isNew ? .repositoryCreated : .repositorySaved, name],
            failure: .saveFailed,
            { [provider] in try await $0.saveRepository(name, settings: settings, isNew: isNew, on: provider) })
    }
}
