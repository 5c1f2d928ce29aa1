/// A confirmation for a destructive action. Cancel has the focus; with a typed phrase the user must
/// type it exactly (production instances, large batches) before OK does anything.
public struct ConfirmDialog: Sendable {
    /// What a key did to the dialog.
    public enum Outcome: Sendable, Equatable { case pending, confirmed, cancelled }

    public var title: String
    /// The plan: what will happen, line by line.
    public var body: TextView
    public var confirmLabel: String
    public var cancelLabel: String
    /// The exact text to type, or nil for a plain yes/no.
    public var typedPhrase: String?
    /// The prompt before the typed field ("Type 'delete 12' to confirm:").
    public var typedPrompt: String
    public private(set) var input = LineEditor()
    public private(set) var confirmFocused = false

    /// Creates a dialog.
    public init(
        title: String, body: [StyledLine], confirmLabel: String, cancelLabel: String, typedPhrase: String? = nil,
        typedPrompt: String = ""
    ) {
        self.title = title
        self.body = TextView(lines: body)
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.typedPhrase = typedPhrase
        self.typedPrompt = typedPrompt
    }

    /// Whether the typed phrase (if any) has been entered.
    public var phraseMatches: Bool { typedPhrase.map { input.text == $0 } ?? true }

    /// Handles a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .tab, .backTab: confirmFocused.toggle()
        case .left where typedPhrase == nil, .right where typedPhrase == nil: confirmFocused.toggle()
        case .enter:
            if typedPhrase != nil { return phraseMatches ? .confirmed : .pending }
            return confirmFocused ? .confirmed : .cancelled
        case .character("y") where typedPhrase == nil: return .confirmed
        case .character("n") where typedPhrase == nil: return .cancelled
        case .pageUp, .pageDown: _ = body.handle(key)
        default:
            if typedPhrase != nil { _ = input.handle(key) } else { _ = body.handle(key) }
        }
        return .pending
    }

    /// Draws the dialog centred in `screen`.
    @MainActor
    public mutating func draw(on surface: any Surface, in screen: Rect, theme: Theme) {
        let maximumWidth = screen.columns - 8
        if body.lines.contains(where: { DisplayWidth.of($0.plain) > maximumWidth }) {
            body.set(body.lines.flatMap { $0.wrapped(to: maximumWidth) })
        }
        let contentWidth = max(
            DisplayWidth.of(title) + 6, body.lines.map { DisplayWidth.of($0.plain) }.max() ?? 0,
            DisplayWidth.of(typedPrompt) + 20)
        let extraRows = typedPhrase == nil ? 3 : 5
        let box = screen.centered(
            rows: min(screen.rows - 2, body.lines.count + extraRows + 1),
            columns: min(screen.columns - 4, contentWidth + 4))
        surface.fill(box, style: theme[.dialog])
        surface.box(box, style: theme[.dialogDanger], title: title, titleStyle: theme[.dialogDanger])
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let (bodyRect, footer) = inner.splitBottom(extraRows - 1)
        body.draw(on: surface, in: bodyRect, theme: theme)
        var row = footer.row + 1
        if let typedPhrase {
            surface.draw(
                typedPrompt, at: Point(row: row, column: footer.column), style: theme[.text], width: footer.columns)
            row += 1
            input.draw(
                on: surface, at: Point(row: row, column: footer.column), width: footer.columns, prefix: "> ",
                prefixStyle: theme[.prompt], style: theme[phraseMatches ? .ok : .promptInput], suggestion: typedPhrase,
                suggestionStyle: theme[.suggestion])
            row += 1
        }
        let cancel = " \(cancelLabel) "
        let confirm = " \(confirmLabel) "
        let buttonsWidth = DisplayWidth.of(cancel) + DisplayWidth.of(confirm) + 2
        let start = footer.column + max(0, (footer.columns - buttonsWidth) / 2)
        let cancelWidth = surface.draw(
            cancel, at: Point(row: row, column: start),
            style: theme[confirmFocused || typedPhrase != nil ? .button : .buttonFocus])
        surface.draw(
            confirm, at: Point(row: row, column: start + cancelWidth + 2),
            style: theme[confirmFocused || (typedPhrase != nil && phraseMatches) ? .buttonFocus : .button].merged(
                with: theme[.dialogDanger]))
        if typedPhrase == nil { surface.setCursor(nil) }
    }
}
