/// One column of a `Table`: a title, a width rule, and how to show a row in it.
public struct TableColumn<Row> {
    /// How wide a column is.
    public enum Width {
        /// Exactly this many columns.
        case fixed(Int)
        /// As wide as the widest cell (or `hint`, measured over all rows), between min and max.
        case fit(min: Int, max: Int)
        /// Whatever is left, at least `min`.
        case flexible(min: Int)
    }

    public var title: String
    public var width: Width
    public var alignRight: Bool
    /// The widest cell over all rows, when the caller measured it (keeps widths steady while scrolling).
    public var hint: Int?
    /// The cell text (untrusted text is sanitized when drawn).
    public var text: (Row) -> String
    /// A style for the cell, when it differs from the row's.
    public var style: ((Row) -> Style?)?

    /// Creates a column.
    public init(
        _ title: String, width: Width, alignRight: Bool = false, hint: Int? = nil, style: ((Row) -> Style?)? = nil,
        text: @escaping (Row) -> String
    ) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.hint = hint
        self.text = text
        self.style = style
    }
}
