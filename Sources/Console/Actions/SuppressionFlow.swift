import Foundation
import RegistryClient
import TerminalUI

/// Suppressing a finding from the console: a form (decision, scope, reason, owner, expiry) that
/// writes to the instance's suppression store; on a suppressed finding, a confirmation to remove it.
@MainActor
struct SuppressionFlow {
    let context: any PaneContext
    let instance: Instance
    let repository: String
    let digest: Digest?

    func start(_ entry: TriagedFinding) {
        if case .suppressed(let suppression) = entry.state {
            confirmRemoval(suppression)
        } else {
            showForm(entry.finding)
        }
    }

    private var scopes: [(Message, Suppression.Scope?)] {
        [
            (.scopeImage, digest.map { .artifact(repository: repository, digest: $0) }),
            (.scopeRepository, .repository(repository)),
            (.scopeNamespace, .namespace(Namespace.of(repository: repository))), (.scopeInstance, .instance),
        ].filter { $0.1 != nil }
    }

    private func showForm(_ finding: Finding) {
        let catalog = context.catalog
        let expiry = context.now.addingTimeInterval(90 * 86400).formatted(.iso8601.year().month().day())
        let form = Form(fields: [
            Form.Field(
                id: "status", label: catalog[.suppressStatus],
                value: .choice([catalog[.statusNotAffected], catalog[.statusAccepted]], selected: 0)),
            Form.Field(
                id: "scope", label: catalog[.suppressScope], value: .choice(scopes.map { catalog[$0.0] }, selected: 0)),
            Form.Field(id: "package", label: catalog[.suppressPackageOnly, finding.package], value: .toggle(true)),
            Form.Field(id: "reason", label: catalog[.suppressReason], value: .text(LineEditor())),
            Form.Field(
                id: "owner", label: catalog[.suppressOwner], value: .text(LineEditor(context.environment["USER"] ?? ""))
            ),
            Form.Field(id: "expires", label: catalog[.suppressExpires], value: .text(LineEditor(expiry))),
        ])
        let dialog = FormDialog(
            title: catalog[.suppressTitle, finding.vulnerability], form: form, saveLabel: catalog[.suppressSave],
            cancelLabel: catalog[.cancel])
        context.edit(
            dialog,
            validate: { form in
                let reason = form["reason"]?.text ?? ""
                let expires = form["expires"]?.text ?? ""
                form["reason"]?.error =
                    reason.trimmingCharacters(in: .whitespaces).isEmpty ? catalog[.reasonRequired] : nil
                form["expires"]?.error = Self.date(expires) == nil ? catalog[.dateInvalid] : nil
                return form.isValid
            }, save: { form in save(finding, form) })
    }

    private func save(_ finding: Finding, _ form: Form) {
        guard case .choice(_, let status)? = form["status"]?.value, case .choice(_, let scope)? = form["scope"]?.value,
            let chosenScope = scopes[scope].1
        else { return }
        let suppression = Suppression(
            vulnerability: finding.vulnerability, package: form["package"]?.text == "true" ? finding.package : nil,
            scope: chosenScope,
            status: status == 0 ? .notAffected : .accepted, reason: form["reason"]?.text ?? "",
            owner: form["owner"]?.text.isEmpty == false ? form["owner"]!.text : "unknown", created: context.now,
            expires: Self.date(form["expires"]?.text ?? ""))
        do {
            try context.suppressions(of: instance).add(suppression)
            context.showFlash(context.catalog[.suppressSaved, finding.vulnerability, chosenScope.description])
        } catch {
            context.showFlash(context.catalog.describe(error), error: true)
        }
        context.publish(.suppressions(instance: instance.name))
    }

    private func confirmRemoval(_ suppression: Suppression) {
        let catalog = context.catalog
        let body = [
            StyledLine(
                catalog[
                    .suppressedBy, suppression.status.rawValue, suppression.owner,
                    suppression.expires.map(RFC3339.format) ?? "-", suppression.reason])
        ]
        let dialog = ConfirmDialog(
            title: catalog[.unsuppressTitle, suppression.vulnerability], body: body,
            confirmLabel: catalog[.unsuppressConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) {
            do {
                try context.suppressions(of: instance).remove { $0.id == suppression.id }
                context.showFlash(catalog[.suppressRemoved, suppression.vulnerability])
            } catch {
                context.showFlash(context.catalog.describe(error), error: true)
            }
            context.publish(.suppressions(instance: instance.name))
        }
    }

    /// `2026-12-31` → the end of that day, UTC.
    static func date(_ text: String) -> Date? {
        RFC3339.parse(text.trimmingCharacters(in: .whitespaces) + "T23:59:59Z")
    }
}
