/// The bottom line: key hints of the focused pane on the left, context on the right.
public struct StatusBar {
    /// A key and what it does (`enter`, `open`).
    public struct Hint: Sendable, Equatable {
        public var key: String
        public var label: String
        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var hints: [Hint]
    /// Text at the right edge (instance, counters).
    public var trailing: String
    /// The base style: normal, production (red) or read-only.
    public var role: ThemeRole

    public init(hints: [Hint], trailing: String = "", role: ThemeRole = .status) {
        self.hints = hints
        self.trailing = trailing
        self.role = role
    }

    /// Draws the bar; hints that do not fit are dropped from the end.
    @MainActor
    public func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let base = theme[role]
        surface.fill(rect, style: base)
        let trailingWidth = min(DisplayWidth.of(trailing), rect.columns / 2)
        var column = rect.column + 1
        let limit = rect.right - trailingWidth - 2
        for hint in hints {
            let needed = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3
            guard column + needed <= limit else { break }
            column += surface.draw("<\(hint.key)>", at: Point(row: rect.row, column: column), style: base.merged(with: theme[.statusKey]))
            column += surface.draw(" \(hint.label)  ", at: Point(row: rect.row, column: column), style: base)
        }
        if !trailing.isEmpty {
            surface.draw(trailing, at: Point(row: rect.row, column: rect.right - trailingWidth - 1), style: base, width: trailingWidth)
        }
    }
}
