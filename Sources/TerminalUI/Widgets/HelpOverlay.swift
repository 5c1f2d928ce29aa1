/// The `?` overlay: every key of the focused pane and the global ones, generated from the keymap.
public enum HelpOverlay {
    /// A titled group of key descriptions.
    public struct Section: Sendable {
        public var title: String
        public var entries: [(keys: String, description: String)]
        public init(title: String, entries: [(keys: String, description: String)]) {
            self.title = title
            self.entries = entries
        }
    }

    /// The sections as lines for a `TextView`, keys aligned in one column.
    public static func lines(_ sections: [Section]) -> [StyledLine] {
        let keyWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
        var lines: [StyledLine] = []
        for section in sections where !section.entries.isEmpty {
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines.append(StyledLine(section.title, .title))
            for entry in section.entries {
                lines.append(StyledLine([.init("  " + DisplayWidth.fit(entry.keys, to: keyWidth) + "  ", .statusKey), .init(entry.description)]))
            }
        }
        return lines
    }

    /// Draws a boxed overlay holding `view`.
    @MainActor
    public static func draw(_ view: inout TextView, title: String, on surface: any Surface, in screen: Rect, theme: Theme) {
        let width = min(screen.columns - 4, max(50, (view.lines.map { DisplayWidth.of($0.plain) }.max() ?? 40) + 4))
        let box = screen.centered(rows: min(screen.rows - 2, view.lines.count + 2), columns: width)
        surface.fill(box, style: theme[.dialog])
        surface.box(box, style: theme[.border], title: title, titleStyle: theme[.dialogTitle])
        view.draw(on: surface, in: box.inset(top: 1, left: 2, bottom: 1, right: 2), theme: theme)
    }
}
