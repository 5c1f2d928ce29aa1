import RegistryClient
import TerminalUI

/// Editing and deleting event-center rules (ACR) through `AuditedDelivery`. ACR has no way to read
/// a rule's settings and replaces every field on update, so the form starts from what the listing
/// knows (name, type) and defaults, and sends every field; rules are created in the ACR console.
/// The tag filter is compiled and the notify URL checked as they are typed.
@MainActor
struct EventRuleEditFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any EventCenter

    private static let scopes = EventRuleSettings.Scope.allCases
    private static let methods = ["https", "http", "dingding"]

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .delivery(instance: instance.name) }

    /// ACR creates rules only in its own console: say so.
    func create() {
        context.showFlash(context.catalog[.eventRulesCreatedInACR], error: true)
    }

    func edit(_ rule: EventRule) {
        let catalog = context.catalog
        let types = EventRule.eventTypes
        let scope = rule.scope.flatMap(EventRuleSettings.Scope.init(rawValue:)) ?? .instance
        func text(_ id: String, _ label: Message, _ value: String, hint: Message? = nil) -> Form.Field {
            Form.Field(id: id, label: catalog[label], value: .text(LineEditor(value)), hint: hint.map { catalog[$0] })
        }
        let fields = [
            text("name", .fieldName, rule.name),
            Form.Field(
                id: "type", label: catalog[.fieldEventType],
                value: .choice(types, selected: rule.type.flatMap(types.firstIndex(of:)) ?? 0)),
            Form.Field(
                id: "scope", label: catalog[.fieldScope],
                value: .choice(Self.scopes.map(catalog.eventScope), selected: Self.scopes.firstIndex(of: scope) ?? 0)),
            text("namespaces", .fieldNamespaces, "", hint: .hintEventNamespaces),
            text("repositories", .fieldRepositories, "", hint: .hintEventRepositories),
            text("filter", .fieldTagFilter, ".*"),
            Form.Field(id: "method", label: catalog[.fieldNotifyMethod], value: .choice(Self.methods, selected: 0)),
            text("url", .fieldNotifyURL, ""),
        ]
        showForm(
            title: catalog[.eventRuleEdit, rule.name], saveLabel: .save, fields: fields,
            validate: { form in check(&form) != nil },
            save: { form in
                var form = form
                guard let settings = check(&form) else { return }
                run(
                    AuditedDelivery(audit: context.auditLog), notice: catalog[.saving, settings.name],
                    done: catalog[.eventRuleSaved, settings.name], failure: .saveFailed
                ) { [provider] in try await $0.updateEventRule(id: rule.id, settings, on: provider) }
            })
    }

    func delete(_ rule: EventRule) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.eventRuleDeleteTitle, rule.name],
            body: [StyledLine(catalog[.eventRuleDeleteBody, instance.name], .warning)],
            confirmLabel: catalog[.eventRuleDeleteConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [provider] in
            run(
                AuditedDelivery(audit: context.auditLog), notice: catalog[.deleting, rule.name],
                done: catalog[.eventRuleDeleted, rule.name], failure: .deleteFailed
            ) { try await $0.deleteEventRule(id: rule.id, on: provider) }
        }
    }

    /// Marks the form's problems; the settings it describes when there are none.
    private func check(_ form: inout Form) -> EventRuleSettings? {
        let catalog = context.catalog
        func list(_ id: String) -> [String] {
            (form[id]?.text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        let name = form["name"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        form["name"]?.error = name.isEmpty ? catalog[.valueRequired] : nil
        let scope = Self.scopes[choice(in: form, id: "scope", count: Self.scopes.count)]
        let (namespaces, repositories) = (list("namespaces"), list("repositories"))
        form["namespaces"]?.error = scope == .namespace && namespaces.isEmpty ? catalog[.valueRequired] : nil
        form["repositories"]?.error = scope == .repository && repositories.isEmpty ? catalog[.valueRequired] : nil
        let filter = form["filter"]?.text ?? ""
        form["filter"]?.error = regularExpressionProblem(filter)
        let method = Self.methods[choice(in: form, id: "method", count: Self.methods.count)]
        let url = form["url"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        form["url"]?.hint = url.isEmpty ? nil : catalog[.hintURLShownAs, URLCredentialMask.mask(url)]
        form["url"]?.error =
            url.isEmpty
            ? catalog[.valueRequired]
            : method == "dingding" ? nil : webURLProblem(url)
        guard form.isValid else { return nil }
        return EventRuleSettings(
            name: name,
            eventType: EventRule.eventTypes[choice(in: form, id: "type", count: EventRule.eventTypes.count)],
            scope: scope, namespaces: namespaces, repositories: repositories, tagFilter: filter, notifyMethod: method,
            notifyURL: url)
    }
}
