/// Something widgets draw on: the ncurses screen or an in-memory cell grid (snapshot tests).
/// Only the main thread draws.
@MainActor
public protocol Surface: AnyObject {
    /// The drawable size.
    var size: Size { get }
    /// Writes `text`, which is sanitized and fits from `point` to the right edge, in `style`.
    /// Callers use `draw`, which guarantees both.
    func put(_ text: String, at point: Point, style: Style)
    /// Places the visible cursor (text input), or hides it.
    func setCursor(_ point: Point?)
}

extension Surface {
    /// Draws untrusted text at `point`: sanitized, cut to `width` columns (and the surface edge),
    /// with `…` when `ellipsis` and something was cut. Returns the number of columns written.
    @discardableResult
    public func draw(_ text: String, at point: Point, style: Style, width: Int? = nil, ellipsis: Bool = true) -> Int {
        guard point.row >= 0, point.row < size.rows, point.column >= 0, point.column < size.columns else { return 0 }
        let available = min(width ?? Int.max, size.columns - point.column)
        guard available > 0 else { return 0 }
        let clean = Sanitizer.clean(text)
        let fitted = ellipsis ? DisplayWidth.truncate(clean, to: available) : DisplayWidth.clip(clean, to: available)
        guard !fitted.isEmpty else { return 0 }
        put(fitted, at: point, style: style)
        return DisplayWidth.of(fitted)
    }

    /// Fills a rectangle with spaces in `style`.
    public func fill(_ rect: Rect, style: Style) {
        let row = String(repeating: " ", count: max(0, min(rect.columns, size.columns - rect.column)))
        guard !row.isEmpty else { return }
        for line in rect.row..<min(rect.bottom, size.rows) where line >= 0 {
            put(row, at: Point(row: line, column: rect.column), style: style)
        }
    }

    /// Draws a box outline with an optional title in the top edge.
    public func box(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.rows >= 2, rect.columns >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.columns - 2)
        draw("┌" + horizontal + "┐", at: Point(row: rect.row, column: rect.column), style: style, ellipsis: false)
        for line in (rect.row + 1)..<(rect.bottom - 1) {
            draw("│", at: Point(row: line, column: rect.column), style: style)
            draw("│", at: Point(row: line, column: rect.right - 1), style: style)
        }
        draw(
            "└" + horizontal + "┘", at: Point(row: rect.bottom - 1, column: rect.column), style: style, ellipsis: false)
        if let title, !title.isEmpty {
            draw(
                " \(title) ", at: Point(row: rect.row, column: rect.column + 2), style: titleStyle ?? style,
                width: rect.columns - 4)
        }
    }
}
