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
                lines.append(
                    StyledLine([
                        .init("  " + DisplayWidth.fit(entry.keys, to: keyWidth) + "  ", .statusKey),
                        .init(entry.description),
                    ]))
            }
        }
        return lines
    }

    /// Draws a boxed overlay holding `view`. When the lines do not fit, the bottom edge shows where
    /// the view is: `↓ 6/40` (the last line shown, of all), with `↑` while lines are hidden above.
    @MainActor
    public static func draw(
        _ view: inout TextView, title: String, on surface: any Surface, in screen: Rect, theme: Theme
    ) {
        let width = min(screen.columns - 4, max(50, (view.lines.map { DisplayWidth.of($0.plain) }.max() ?? 40) + 4))
        let box = screen.centered(rows: min(screen.rows - 2, view.lines.count + 2), columns: width)
        surface.fill(box, style: theme[.dialog])
        surface.box(box, style: theme[.border], title: title, titleStyle: theme[.dialogTitle])
        let content = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        view.draw(on: surface, in: content, theme: theme)
        guard view.lines.count > content.rows else { return }
        let last = min(view.top + content.rows, view.lines.count)
        let arrows = (view.top > 0 ? "↑" : "") + (last < view.lines.count ? "↓" : "")
        let indicator = " \(arrows) \(last)/\(view.lines.count) "
        let column = max(box.column + 1, box.right - 2 - DisplayWidth.of(indicator))
        surface.draw(
            indicator, at: Point(row: box.bottom - 1, column: column), style: theme[.dialogTitle],
            width: box.right - 1 - column)
    }
}
