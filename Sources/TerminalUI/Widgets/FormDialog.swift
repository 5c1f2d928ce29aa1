/// A form in a centred box with Save and Cancel: `tab`/`↑`/`↓` move between fields, `enter` saves,
/// `esc` cancels. The owner validates on every edit and on save.
public struct FormDialog: Sendable {
    /// What a key did.
    public enum Outcome: Sendable, Equatable { case edited, moved, save, cancel }

    public var title: String
    public var form: Form
    public var saveLabel: String
    public var cancelLabel: String

    /// Creates a dialog.
    public init(title: String, form: Form, saveLabel: String, cancelLabel: String) {
        self.title = title
        self.form = form
        self.saveLabel = saveLabel
        self.cancelLabel = cancelLabel
    }

    /// Handles a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancel
        case .enter: return .save
        default: return form.handle(key) ? .edited : .moved
        }
    }

    /// Draws the dialog centred in `screen`.
    @MainActor
    public func draw(on surface: any Surface, in screen: Rect, theme: Theme) {
        let box = screen.centered(
            rows: min(screen.rows - 2, form.fields.count * 2 + 4), columns: min(screen.columns - 4, 76))
        surface.fill(box, style: theme[.dialog])
        surface.box(box, style: theme[.border], title: title, titleStyle: theme[.dialogTitle])
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let (fields, buttons) = inner.splitBottom(1)
        form.draw(on: surface, in: fields, theme: theme)
        let cancel = " \(cancelLabel) "
        let save = " \(saveLabel) "
        let start = buttons.column + max(0, (buttons.columns - DisplayWidth.of(cancel) - DisplayWidth.of(save) - 2) / 2)
        let cancelWidth = surface.draw(cancel, at: Point(row: buttons.row, column: start), style: theme[.button])
        surface.draw(
            save, at: Point(row: buttons.row, column: start + cancelWidth + 2),
            style: theme[form.isValid ? .buttonFocus : .button])
    }
}
