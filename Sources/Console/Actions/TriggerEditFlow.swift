import RegistryClient
import TerminalUI

/// Creating, editing and deleting a repository's triggers (ACR) through `AuditedDelivery`. The form
/// never shows a stored URL's credentials: it starts from the masked URL, which saves as the stored
/// one while left unchanged; the hint shows how a typed URL will be shown. A regular expression is
/// compiled as it is typed, the compiler's complaint shown under the field.
@MainActor
struct TriggerEditFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any TriggerManaging
    /// `namespace/name`.
    let repository: String

    /// The type choice's options, in the form's order (`Match.kind` words).
    private static let kinds = ["all", "tags", "regexp"]

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .delivery(instance: instance.name) }

    func create() {
        showForm(RepositoryTrigger(name: "", url: "", match: .allTags), title: context.catalog[.triggerNew])
    }

    func edit(_ trigger: RepositoryTrigger) {
        showForm(trigger, title: context.catalog[.triggerEdit, trigger.name])
    }

    func delete(_ trigger: RepositoryTrigger) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.triggerDeleteTitle, trigger.name],
            body: [
                StyledLine(trigger.maskedURL), StyledLine(catalog[.triggerDeleteBody, repository], .warning),
            ], confirmLabel: catalog[.triggerDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [provider, repository] in
            run(
                AuditedDelivery(audit: context.auditLog), notice: catalog[.deleting, trigger.name],
                done: catalog[.triggerDeleted, trigger.name], failure: .deleteFailed
            ) { try await $0.deleteTrigger(id: trigger.id, repository: repository, on: provider) }
        }
    }

    private func showForm(_ trigger: RepositoryTrigger, title: String) {
        let catalog = context.catalog
        let tags =
            if case .allTags = trigger.match { "" } else { trigger.match.text }
        let fields = [
            Form.Field(id: "name", label: catalog[.fieldName], value: .text(LineEditor(trigger.name))),
            Form.Field(id: "url", label: catalog[.fieldURL], value: .text(LineEditor(trigger.maskedURL))),
            Form.Field(
                id: "kind", label: catalog[.fieldTriggerType],
                value: .choice(
                    [.triggerAllTags, .triggerTagList, .triggerRegexp].map { catalog[$0] },
                    selected: Self.kinds.firstIndex(of: trigger.match.kind) ?? 0)),
            Form.Field(id: "tags", label: catalog[.fieldTriggerTags], value: .text(LineEditor(tags))),
        ]
        showForm(
            title: title, saveLabel: trigger.id.isEmpty ? .create : .save, fields: fields,
            validate: { form in check(&form, original: trigger) != nil },
            save: { form in
                var form = form
                guard let edited = check(&form, original: trigger) else { return }
                save(edited)
            })
    }

    /// Marks the form's problems; the trigger it describes when there are none.
    private func check(_ form: inout Form, original: RepositoryTrigger) -> RepositoryTrigger? {
        let catalog = context.catalog
        let name = form["name"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        form["name"]?.error = name.isEmpty ? catalog[.valueRequired] : nil

        let typed = form["url"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        // The masked URL left as it was stands for the stored one; a mask kept in an edited URL
        // would be saved as the password.
        let keepsStored = !original.url.isEmpty && typed == original.maskedURL
        let url = keepsStored ? original.url : typed
        form["url"]?.hint =
            keepsStored && URLCredentialMask.hasCredentials(original.url)
            ? catalog[.hintURLKept] : typed.isEmpty ? nil : catalog[.hintURLShownAs, URLCredentialMask.mask(typed)]
        if typed.isEmpty {
            form["url"]?.error = catalog[.valueRequired]
        } else if !keepsStored, typed.contains("***") {
            form["url"]?.error = catalog[.errorURLRetype]
        } else {
            form["url"]?.error = webURLProblem(url)
        }

        let index = choice(in: form, id: "kind", count: Self.kinds.count)
        let text = form["tags"]?.text ?? ""
        form["tags"]?.hint = catalog[[.hintTriggerAll, .hintTriggerTags, .hintTriggerRegexp][index]]
        var match: RepositoryTrigger.Match?
        let rejected = problem { match = try RepositoryTrigger.Match(kind: Self.kinds[index], text: text) }
        // A pattern shows the compiler's reason in the user's language.
        form["tags"]?.error = Self.kinds[index] == "regexp" ? regularExpressionProblem(text) ?? rejected : rejected
        guard form.isValid, let match else { return nil }
        return RepositoryTrigger(id: original.id, name: name, url: url, match: match, event: original.event)
    }

    private func save(_ trigger: RepositoryTrigger) {
        let catalog = context.catalog
        let isNew = trigger.id.isEmpty
        run(
            AuditedDelivery(audit: context.auditLog), notice: catalog[.saving, trigger.name],
            done: catalog[isNew ? .triggerCreated : .triggerSaved, trigger.name], failure: .saveFailed
        ) { [provider, repository] in
            try await $0.saveTrigger(trigger, repository: repository, on: provider)
        }
    }
}
