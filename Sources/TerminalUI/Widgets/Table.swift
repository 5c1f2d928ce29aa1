/// A virtualized table: a header and the rows that fit, one line each. Rows are fetched by index
/// and only the visible ones are built, so a table of 100,000 rows draws as fast as one of 20.
@MainActor
public struct Table<Row: Identifiable> where Row.ID: Sendable {
    public var columns: [TableColumn<Row>]
    /// How many rows there are.
    public var count: Int
    /// The row at an index (called for visible rows only).
    public var row: (Int) -> Row
    /// The column the rows are sorted by, marked in the header.
    public var sortColumn: Int?
    /// A style for a whole row (e.g. tags sharing the selected tag's digest).
    public var rowStyle: ((Row) -> Style?)?
    /// Shown instead of rows when there are none; each `\n` starts a new line.
    public var emptyText: String

    /// Creates a table.
    public init(
        columns: [TableColumn<Row>], count: Int, sortColumn: Int? = nil, emptyText: String = "",
        rowStyle: ((Row) -> Style?)? = nil, row: @escaping (Int) -> Row
    ) {
        self.columns = columns
        self.count = count
        self.row = row
        self.sortColumn = sortColumn
        self.emptyText = emptyText
        self.rowStyle = rowStyle
    }

    /// Draws the header and visible rows into `rect`, updating the state's page size.
    public func draw(on surface: any Surface, in rect: Rect, state: inout TableState<Row.ID>, theme: Theme) {
        guard rect.rows >= 2, rect.columns >= 4 else { return }
        state.setPageSize(rect.rows - 1, count: count)
        let visible = (min(state.offset, count)..<min(state.offset + state.pageSize, count)).map(row)
        let texts = visible.map { row in columns.map { $0.text(row) } }
        let widths = layout(width: rect.columns - 2, texts: texts)

        var column = rect.column + 2
        for (index, spec) in columns.enumerated() where widths[index] > 0 {
            let sorted = index == sortColumn
            let title = sorted ? spec.title + "↓" : spec.title
            surface.draw(
                DisplayWidth.fit(title, to: widths[index], alignRight: spec.alignRight),
                at: Point(row: rect.row, column: column), style: theme[sorted ? .headerSorted : .header])
            column += widths[index] + 1
        }
        if count == 0 {
            for (offset, line) in emptyText.split(separator: "\n", omittingEmptySubsequences: false).prefix(
                rect.rows - 2
            ).enumerated() {
                surface.draw(
                    String(line), at: Point(row: rect.row + 2 + offset, column: rect.column + 2), style: theme[.muted],
                    width: rect.columns - 4)
            }
            return
        }
        for (offset, row) in visible.enumerated() {
            let line = rect.row + 1 + offset
            let selected = state.offset + offset == state.selectedIndex
            let base = selected ? theme[.selection] : (rowStyle?(row) ?? theme[.text])
            surface.fill(Rect(row: line, column: rect.column, rows: 1, columns: rect.columns), style: base)
            if state.marks.contains(row.id) {
                surface.draw("●", at: Point(row: line, column: rect.column), style: selected ? base : theme[.mark])
            }
            var x = rect.column + 2
            for (index, spec) in columns.enumerated() where widths[index] > 0 {
                let style = selected ? base : (spec.style?(row) ?? base)
                surface.draw(
                    DisplayWidth.fit(
                        Sanitizer.clean(texts[offset][index]), to: widths[index], alignRight: spec.alignRight),
                    at: Point(row: line, column: x), style: style)
                x += widths[index] + 1
            }
        }
    }

    /// The row index under a screen point, if any.
    public func rowIndex(at point: Point, in rect: Rect, state: TableState<Row.ID>) -> Int? {
        guard rect.contains(point), point.row > rect.row else { return nil }
        let index = state.offset + point.row - rect.row - 1
        return index < count ? index : nil
    }

    /// Column widths: fixed ones as given, fitted ones by their widest cell, flexible ones share
    /// the rest; when the total is too wide, the rightmost columns shrink first.
    func layout(width: Int, texts: [[String]]) -> [Int] {
        var widths = columns.enumerated().map { index, spec -> Int in
            let header = DisplayWidth.of(spec.title) + 1
            switch spec.width {
            case .fixed(let value): return value
            case .fit(let minimum, let maximum):
                let widest = spec.hint ?? texts.map { DisplayWidth.of(Sanitizer.clean($0[index])) }.max() ?? 0
                return min(maximum, max(minimum, header, widest))
            case .flexible(let minimum): return max(minimum, header)
            }
        }
        let separators = max(0, columns.count - 1)
        var total = widths.reduce(0, +) + separators
        let flexible = columns.indices.filter { if case .flexible = columns[$0].width { true } else { false } }
        if total < width, !flexible.isEmpty {
            let extra = width - total
            for (position, index) in flexible.enumerated() {
                widths[index] += extra / flexible.count + (position < extra % flexible.count ? 1 : 0)
            }
            total = width
        }
        var index = columns.count - 1
        while total > width, index >= 0 {
            let minimum: Int
            switch columns[index].width {
            case .fixed: minimum = widths[index]
            case .fit(let value, _), .flexible(let value): minimum = index == 0 ? value : 0
            }
            let cut = min(total - width, widths[index] - minimum)
            widths[index] -= cut
            total -= cut
            index -= 1
        }
        return widths
    }
}
