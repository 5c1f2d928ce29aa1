/// A row of tab titles with the active one highlighted.
public enum TabBar {
    /// Draws `titles`, marking `active`.
    @MainActor
    public static func draw(_ titles: [String], active: Int, on surface: any Surface, in rect: Rect, theme: Theme) {
        var column = rect.column + 1
        for (index, title) in titles.enumerated() {
            guard column < rect.right else { return }
            column += surface.draw(
                " \(title) ", at: Point(row: rect.row, column: column),
                style: theme[index == active ? .tabActive : .tab], width: rect.right - column)
            column += 1
        }
    }
}
