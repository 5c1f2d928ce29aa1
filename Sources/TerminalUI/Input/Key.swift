/// A key press or mouse event, decoded from curses.
public enum Key: Hashable, Sendable {
    /// A printable character (letters keep their case).
    case character(Character)
    /// Ctrl with a letter (`"d"`) or `\`, `]`, space…
    case control(Character)
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    case enter, escape, tab, backTab, backspace
    case function(Int)
    /// A click or wheel turn at a cell.
    case mouse(MouseEvent)
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var point: Point

    public init(kind: Kind, point: Point) {
        self.kind = kind
        self.point = point
    }
}
