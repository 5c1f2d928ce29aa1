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
    /// Hints shown after `hints` whatever the width (help).
    public var pinned: [Hint]
    /// Text at the right edge (instance, counters).
    public var trailing: String
    /// The base style: normal, production (red) or read-only.
    public var role: ThemeRole

    public init(hints: [Hint], pinned: [Hint] = [], trailing: String = "", role: ThemeRole = .status) {
        self.hints = hints
        self.pinned = pinned
        self.trailing = trailing
        self.role = role
    }

    /// Draws the bar; hints that do not fit are dropped from the end, pinned ones stay.
    @MainActor
    public func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let base = theme[role]
        surface.fill(rect, style: base)
        let trailingWidth = min(DisplayWidth.of(trailing), rect.columns / 2)
        var column = rect.column + 1
        let limit = rect.right - trailingWidth - 2
        func width(_ hint: Hint) -> Int { DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 4 }
        var used = pinned.map(width).reduce(0, +)
        var shown: [Hint] = []
        for hint in hints {
            guard column + used + width(hint) <= limit else { break }
            used += width(hint)
            shown.append(hint)
        }
        for hint in shown + pinned where column + width(hint) <= limit {
            column += surface.draw(
                "<\(hint.key)>", at: Point(row: rect.row, column: column), style: base.merged(with: theme[.statusKey]))
            column += surface.draw(" \(hint.label)  ", at: Point(row: rect.row, column: column), style: base)
        }
        if !trailing.isEmpty {
            surface.draw(
                trailing, at: Point(row: rect.row, column: rect.right - trailingWidth - 1), style: base,
                width: trailingWidth)
        }
    }
}
