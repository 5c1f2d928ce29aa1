/// A cell position: row and column from the top-left corner.
public struct Point: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A size in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var description: String { "\(columns)×\(rows)" }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    /// The whole area of `size`.
    public init(_ size: Size) {
        self.init(row: 0, column: 0, rows: size.rows, columns: size.columns)
    }

    public var isEmpty: Bool { rows == 0 || columns == 0 }
    public var bottom: Int { row + rows }
    public var right: Int { column + columns }

    /// Whether the point lies inside.
    public func contains(_ point: Point) -> Bool {
        point.row >= row && point.row < bottom && point.column >= column && point.column < right
    }

    /// The rectangle shrunk by the given margins.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, column: column + left, rows: rows - top - bottom, columns: columns - left - right)
    }

    /// Splits off `count` rows from the top: (top part, rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let taken = min(max(0, count), rows)
        return (
            Rect(row: row, column: column, rows: taken, columns: columns),
            Rect(row: row + taken, column: column, rows: rows - taken, columns: columns)
        )
    }

    /// Splits off `count` rows from the bottom: (rest, bottom part).
    public func splitBottom(_ count: Int) -> (Rect, Rect) {
        let taken = min(max(0, count), rows)
        return (
            Rect(row: row, column: column, rows: rows - taken, columns: columns),
            Rect(row: bottom - taken, column: column, rows: taken, columns: columns)
        )
    }

    /// A rectangle of at most the given size, centred inside this one.
    public func centered(rows wanted: Int, columns wantedColumns: Int) -> Rect {
        let height = min(wanted, rows)
        let width = min(wantedColumns, columns)
        return Rect(
            row: row + (rows - height) / 2, column: column + (columns - width) / 2, rows: height, columns: width)
    }
}
