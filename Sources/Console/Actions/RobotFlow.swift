import Foundation
import RegistryClient
import TerminalUI

/// Creating, disabling or enabling, and deleting Harbor robot accounts through
/// `AuditedAdministration`. A new robot's secret is shown once, in a dialog whose confirm button
/// copies it (the flash names the robot, never the secret); after that nothing shows it again.
@MainActor
struct RobotFlow: ManagementFlow {
    let context: any PaneContext
    let provider: any RobotManaging
    /// The project a new robot belongs to; nil for a system robot.
    let project: String?

    var instance: Instance { provider.instance }
    var change: ConsoleChange { .access(instance: instance.name) }

    /// Runs `n`, `u` (which is this flow's edit: disable or enable) or ctrl-d; false for other actions.
    func handle(_ action: ConsoleAction, selected: RobotAccount?) -> Bool {
        switch action {
        case .create, .delete: perform(action, selected: selected)
        case .toggleEnabled: perform(.edit, selected: selected)
        default: false
        }
    }

    func create() {
        let catalog = context.catalog
        let fields = [
            Form.Field(id: "name", label: catalog[.fieldName], value: .text(LineEditor(""))),
            Form.Field(id: "duration", label: catalog[.fieldDuration], value: .text(LineEditor("30"))),
            Form.Field(
                id: "permissions", label: catalog[.fieldPermissions], value: .text(LineEditor("repository:pull"))),
        ]
        let place = project.map { "\(instance.name)/\($0)" } ?? instance.name
        showForm(
            title: catalog[.robotNew, place], saveLabel: .create, fields: fields,
            validate: { form in check(&form) != nil },
            save: { form in
                var form = form
                guard let draft = check(&form) else { return }
                save(draft)
            })
    }

    /// Disables an enabled robot, enables a disabled one.
    func edit(_ robot: RobotAccount) {
        let catalog = context.catalog
        let disabling = !robot.disabled
        run(
            AuditedAdministration(audit: context.auditLog),
            notice: catalog[disabling ? .robotDisabling : .robotEnabling, robot.name],
            done: catalog[disabling ? .robotDisabledDone : .robotEnabledDone, robot.name], failure: .saveFailed
        ) { [provider] in
            try await $0.setRobot(robot, disabled: disabling, on: provider)
        }
    }

    func delete(_ robot: RobotAccount) {
        let catalog = context.catalog
        confirmDelete(
            robot.name, title: .robotDeleteTitle, body: .robotDeleteBody, confirmLabel: .robotDeleteConfirm
        ) { [provider] in
            run(
                AuditedAdministration(audit: context.auditLog), notice: catalog[.deleting, robot.name],
                done: catalog[.robotDeleted, robot.name], failure: .deleteFailed
            ) { try await $0.deleteRobot(id: robot.id, name: robot.name, on: provider) }
        }
    }

    /// Marks the form's problems; the robot it describes when there are none.
    private func check(_ form: inout Form) -> RobotDraft? {
        let catalog = context.catalog
        let name = form["name"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        form["name"]?.error = name.isEmpty ? catalog[.valueRequired] : nil
        let durationText = form["duration"]?.text.trimmingCharacters(in: .whitespaces) ?? ""
        let duration = Int(durationText).flatMap { $0 == -1 || $0 > 0 ? $0 : nil }
        form["duration"]?.error = duration == nil ? catalog[.errorDuration] : nil
        form["duration"]?.hint = catalog[.hintDuration]
        let grants = (form["permissions"]?.text ?? "").split(separator: ",").map(String.init)
        let bad = grants.first { RobotPermission.Access($0) == nil }
        form["permissions"]?.hint = catalog[.hintPermissions]
        form["permissions"]?.error =
            grants.isEmpty ? catalog[.valueRequired] : bad.map { catalog[.errorPermission, $0] }
        guard form.isValid, let duration else { return nil }
        return RobotDraft(
            name: name, project: project, duration: duration, access: grants.compactMap(RobotPermission.Access.init))
    }

    private func save(_ draft: RobotDraft) {
        let catalog = context.catalog
        let context = context
        run(
            AuditedAdministration(audit: context.auditLog), notice: catalog[.saving, draft.fullName],
            done: catalog[.robotCreated, draft.fullName], failure: .saveFailed
        ) { [provider] in
            let secret = try await $0.createRobot(draft, on: provider)
            Self.showOnce(secret, context: context)
        }
    }

    /// The dialog that shows a secret once; confirming copies it.
    private static func showOnce(_ secret: RobotSecret, context: any PaneContext) {
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.robotSecretTitle, secret.robotName],
            body: [StyledLine(secret.reveal(), .title), StyledLine(catalog[.robotSecretBody], .warning)],
            confirmLabel: catalog[.robotSecretCopy], cancelLabel: catalog[.robotSecretClose])
        context.confirm(dialog) {
            context.copySecret(secret.reveal(), notice: catalog[.robotSecretCopied, secret.robotName])
        }
    }
}
