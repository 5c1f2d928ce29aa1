/// A cell grid surface: what snapshot tests draw on and read back as text.
@MainActor
public final class MemorySurface: Surface {
    /// One terminal cell. A wide character occupies its cell and an empty continuation cell.
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var style: Style
    }

    public private(set) var size: Size
    private var cells: [Cell]
    /// Where the cursor is shown, if anywhere.
    public private(set) var cursor: Point?

    /// A blank surface of `size`.
    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Cell(text: " ", style: .plain), count: size.rows * size.columns)
    }

    /// Blanks every cell, optionally changing the size.
    public func reset(size newSize: Size? = nil) {
        if let newSize { size = newSize }
        cells = Array(repeating: Cell(text: " ", style: .plain), count: size.rows * size.columns)
        cursor = nil
    }

    public func put(_ text: String, at point: Point, style: Style) {
        var column = point.column
        for scalar in text.unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                if column > point.column { cells[index(point.row, column - 1)].text.unicodeScalars.append(scalar) }
                continue
            }
            guard column + width <= size.columns else { break }
            cells[index(point.row, column)] = Cell(text: String(scalar), style: style)
            if width == 2 { cells[index(point.row, column + 1)] = Cell(text: "", style: style) }
            column += width
        }
    }

    public func setCursor(_ point: Point?) { cursor = point }

    /// The cell at a position.
    public func cell(row: Int, column: Int) -> Cell { cells[index(row, column)] }

    /// Each row as text, trailing spaces removed.
    public var lines: [String] {
        (0..<size.rows).map { row in
            var line = ""
            for column in 0..<size.columns { line += cells[index(row, column)].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The whole grid as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// Whether any row contains `fragment`.
    public func contains(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }

    private func index(_ row: Int, _ column: Int) -> Int { row * size.columns + column }
}
