/// The path of the current view, `instances › local › ns › ns/app`, last crumb highlighted.
public enum Breadcrumbs {
    /// Draws the crumbs left to right; the oldest are dropped first when they do not fit.
    @MainActor
    public static func draw(_ crumbs: [String], on surface: any Surface, in rect: Rect, theme: Theme) {
        var parts = crumbs.map { " \(Sanitizer.clean($0)) " }
        while parts.count > 1, parts.map(DisplayWidth.of).reduce(0, +) + parts.count - 1 > rect.columns {
            parts.removeFirst()
            parts[0] = " … "
        }
        var column = rect.column
        for (index, part) in parts.enumerated() {
            let style = index == parts.count - 1 ? theme[.crumbActive] : theme[.crumb]
            column += surface.draw(
                part, at: Point(row: rect.row, column: column), style: style, width: rect.right - column)
            column += 1
        }
    }
}
