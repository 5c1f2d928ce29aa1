import RegistryClient
import TerminalUI

/// Changing how clients reach an instance (ACR) through `AuditedAccess`: access-list entries are
/// checked as they are typed (`CIDRBlock`, with its suggestion) and nothing is sent while one is
/// wrong; switching the internet endpoint asks to type the instance's name on a production
/// instance; the login password is typed twice without echo after a typed confirmation, checked
/// with `LoginPassword.validate`, and never shown, logged or kept.
@MainActor
struct AccessFlow {
    let context: any PaneContext
    let provider: any AccessManaging

    var instance: Instance { provider.instance }

    /// Asks for an entry and a comment, then adds it.
    func addEntry() {
        let catalog = context.catalog
        let fields = [
            Form.Field(id: "entry", label: catalog[.fieldACLEntry], value: .text(LineEditor())),
            Form.Field(id: "comment", label: catalog[.fieldComment], value: .text(LineEditor())),
        ]
        let dialog = FormDialog(
            title: catalog[.aclAddTitle, instance.name], form: Form(fields: fields), saveLabel: catalog[.create],
            cancelLabel: catalog[.cancel])
        context.edit(dialog, validate: { checkEntry(&$0) != nil }) { form in
            var form = form
            guard let entry = checkEntry(&form) else { return }
            change(notice: catalog[.saving, entry.entry], done: catalog[.aclAdded, entry.entry]) {
                try await $0.addACLEntries([entry], on: provider)
            }
        }
    }

    /// The entry the form describes, or nil with the field's error set (the parser's hint
    /// included: "did you mean 10.0.0.0/8?").
    private func checkEntry(_ form: inout Form) -> ACLEntry? {
        let catalog = context.catalog
        let text = form["entry"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        var block: CIDRBlock?
        do {
            block = try CIDRBlock(text)
            form["entry"]?.error = nil
            form["entry"]?.hint = block.map { catalog[.hintACLEntryAs, $0.description] }
        } catch {
            form["entry"]?.error =
                text.isEmpty
                ? catalog[.valueRequired]
                : Self.suggestion(error).map { catalog[.aclDidYouMean, $0] }
                    ?? catalog.describe(error)
        }
        let comment = form["comment"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        guard let block else { return nil }
        return ACLEntry(entry: block.description, comment: comment.isEmpty ? nil : comment)
    }

    /// The network `CIDRBlock` suggests when only host bits were set ("did you mean 10.0.0.0/8?"),
    /// which says more in a short line than the whole complaint.
    private static func suggestion(_ error: any Error) -> String? {
        guard let hint = (error as? RegistryError)?.hint, let last = hint.split(separator: " ").last else { return nil }
        let network = String(last.dropLast(last.hasSuffix("?") ? 1 : 0))
        return (try? CIDRBlock(network))?.description
    }

    /// Removes an entry once confirmed.
    func remove(_ entry: ACLEntry) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.aclRemoveTitle, entry.entry],
            body: [
                StyledLine([entry.entry, entry.comment].compactMap { $0 }.joined(separator: " · ")),
                StyledLine(catalog[.aclRemoveBody, entry.entry], .warning),
            ], confirmLabel: catalog[.aclRemoveConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) {
            change(notice: catalog[.deleting, entry.entry], done: catalog[.aclRemoved, entry.entry]) {
                try await $0.removeACLEntries([entry.entry], on: provider)
            }
        }
    }

    /// Switches the internet endpoint once confirmed: typed on a production instance, warning
    /// that switching it off cuts every client outside the VPC.
    func setInternet(enabled: Bool) {
        let catalog = context.catalog
        let typed = instance.production ? instance.name : nil
        let dialog = ConfirmDialog(
            title: catalog[enabled ? .internetEnableTitle : .internetDisableTitle, instance.name],
            body: [
                StyledLine(catalog[enabled ? .internetEnableBody : .internetDisableBody], enabled ? .text : .warning)
            ],
            confirmLabel: catalog[enabled ? .internetEnableConfirm : .internetDisableConfirm],
            cancelLabel: catalog[.cancel], typedPhrase: typed,
            typedPrompt: typed.map { catalog[.deleteTypePrompt, $0] } ?? "")
        context.confirm(dialog) {
            change(
                notice: catalog[enabled ? .internetEnabling : .internetDisabling],
                done: catalog[enabled ? .internetEnabled : .internetDisabled]
            ) { try await $0.setInternetEndpoint(enabled: enabled, on: provider) }
        }
    }

    /// Asks to type the instance's name, then for the new password twice, hidden.
    func resetPassword() {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.passwordResetTitle, instance.name],
            body: [StyledLine(catalog[.passwordResetBody], .warning)], confirmLabel: catalog[.passwordResetConfirm],
            cancelLabel: catalog[.cancel], typedPhrase: instance.name,
            typedPrompt: catalog[.deleteTypePrompt, instance.name])
        context.confirm(dialog) { askPassword() }
    }

    private func askPassword() {
        let catalog = context.catalog
        let fields = [
            Form.Field(id: "password", label: catalog[.fieldNewPassword], value: .secret(LineEditor())),
            Form.Field(id: "repeat", label: catalog[.fieldRepeatPassword], value: .secret(LineEditor())),
        ]
        let dialog = FormDialog(
            title: catalog[.passwordResetTitle, instance.name], form: Form(fields: fields),
            saveLabel: catalog[.passwordResetConfirm], cancelLabel: catalog[.cancel])
        context.edit(dialog, validate: { checkPassword(&$0) != nil }) { form in
            var form = form
            guard let password = checkPassword(&form) else { return }
            change(notice: catalog[.passwordResetting], done: catalog[.passwordResetDone, instance.name]) {
                try await $0.resetLoginPassword(password, on: provider)
            }
        }
    }

    /// The password when both fields agree and it passes the rule; otherwise the fields say why
    /// (never with the password).
    private func checkPassword(_ form: inout Form) -> String? {
        let catalog = context.catalog
        let password = form["password"]?.text ?? ""
        let repeated = form["repeat"]?.text ?? ""
        do {
            try LoginPassword.validate(password)
            form["password"]?.error = nil
        } catch {
            form["password"]?.error = password.isEmpty ? catalog[.valueRequired] : catalog.describe(error)
        }
        form["password"]?.hint = catalog[.hintPassword]
        form["repeat"]?.error = repeated == password ? nil : catalog[.passwordMismatch]
        return form.isValid ? password : nil
    }

    /// Runs an audited change as a job: flashes `done` and publishes the access change.
    private func change(
        notice: String, done: String, failure: Message = .saveFailed,
        _ work: @escaping @MainActor (AuditedAccess) async throws -> Void
    ) {
        context.runJob(notice: notice, failure: failure) { [context, instance] in
            try await work(AuditedAccess(audit: context.auditLog))
            context.showFlash(done)
            context.publish(.access(instance: instance.name))
        }
    }
}
