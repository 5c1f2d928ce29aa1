/// What shows instead of the layout when the terminal is smaller than the minimum.
public enum SizeNotice {
    /// The smallest size the layout supports.
    public static let minimum = Size(rows: 16, columns: 60)

    /// Whether `size` is too small for the layout.
    public static func isTooSmall(_ size: Size) -> Bool { size.rows < minimum.rows || size.columns < minimum.columns }

    /// Draws `lines` centred (e.g. "Terminal too small", "50×12, need 60×16").
    @MainActor
    public static func draw(_ lines: [String], on surface: any Surface, theme: Theme) {
        let size = surface.size
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let width = min(DisplayWidth.of(line), size.columns)
            surface.draw(
                line, at: Point(row: top + offset, column: max(0, (size.columns - width) / 2)),
                style: theme[offset == 0 ? .warning : .text])
        }
    }
}
