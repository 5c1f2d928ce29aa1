import TerminalUI

/// A dialog that takes every key until it closes: a confirmation, or a form whose `validate`
/// marks field errors and says whether it can be saved.
@MainActor
enum ModalDialog {
    case confirm(ConfirmDialog, then: () -> Void)
    case form(FormDialog, validate: (inout Form) -> Bool, save: (Form) -> Void)

    /// What a key did to the dialog.
    enum Outcome {
        /// Still open, as it is now.
        case open(ModalDialog)
        /// Closed; `then` is what the user chose to do (confirm, save), run once the dialog is gone.
        case closed(then: (() -> Void)?)
    }

    /// A form dialog with its fields checked once, so errors show before the first key.
    static func checkedForm(
        _ dialog: FormDialog, validate: @escaping (inout Form) -> Bool, save: @escaping (Form) -> Void
    ) -> ModalDialog {
        var dialog = dialog
        _ = validate(&dialog.form)
        return .form(dialog, validate: validate, save: save)
    }

    /// Whether it is a form (the status bar says how to move between fields).
    var isForm: Bool {
        if case .form = self { true } else { false }
    }

    /// Handles a key.
    func handle(_ key: Key) -> Outcome {
        switch self {
        case .confirm(var dialog, let action):
            switch dialog.handle(key) {
            case .pending: return .open(.confirm(dialog, then: action))
            case .confirmed: return .closed(then: action)
            default: return .closed(then: nil)
            }
        case .form(var dialog, let validate, let save):
            switch dialog.handle(key) {
            case .cancel:
                return .closed(then: nil)
            case .save where validate(&dialog.form):
                let form = dialog.form
                return .closed(then: { save(form) })
            case .edited:
                _ = validate(&dialog.form)
                return .open(.form(dialog, validate: validate, save: save))
            case .save, .moved:
                return .open(.form(dialog, validate: validate, save: save))
            }
        }
    }

    /// Draws the dialog over the whole screen; returns it as drawn (a confirmation keeps its layout).
    func draw(on surface: any Surface, in rect: Rect, theme: Theme) -> ModalDialog {
        switch self {
        case .confirm(var dialog, let action):
            dialog.draw(on: surface, in: rect, theme: theme)
            return .confirm(dialog, then: action)
        case .form(let dialog, _, _):
            dialog.draw(on: surface, in: rect, theme: theme)
            return self
        }
    }
}
