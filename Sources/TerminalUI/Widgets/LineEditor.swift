/// A one-line text input with a cursor: the command line, the filter, typed confirmations, form fields.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    /// The cursor, as a count of characters before it.
    public private(set) var cursor: Int

    /// An editor holding `text`, cursor at the end.
    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; returns false for keys it does not edit with.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        case .control("w"):
            let before = text.prefix(cursor)
            let trimmed = before.reversed().drop(while: { $0 == " " }).drop(while: { $0 != " " })
            let kept = String(trimmed.reversed())
            text = kept + text.dropFirst(cursor)
            cursor = kept.count
        default:
            return false
        }
        return true
    }

    /// Replaces the text, cursor at the end.
    public mutating func set(_ value: String) {
        text = value
        cursor = value.count
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    /// Draws `prefix` and the text on one line, scrolled so the cursor shows; places the cursor.
    @MainActor
    public func draw(
        on surface: any Surface, at point: Point, width: Int, prefix: String, prefixStyle: Style, style: Style,
        suggestion: String? = nil, suggestionStyle: Style = .plain
    ) {
        let prefixWidth = surface.draw(prefix, at: point, style: prefixStyle, width: width)
        let room = max(1, width - prefixWidth - 1)
        let before = String(text.prefix(cursor))
        var shown = text
        var cursorColumn = DisplayWidth.of(before)
        if cursorColumn > room {
            let (rest, dropped) = DisplayWidth.dropLeading(text, columns: cursorColumn - room)
            shown = rest
            cursorColumn -= dropped
        }
        let written = surface.draw(
            shown, at: Point(row: point.row, column: point.column + prefixWidth), style: style, width: room,
            ellipsis: false)
        if let suggestion, suggestion.hasPrefix(text), suggestion.count > text.count, cursor == text.count {
            surface.draw(
                String(suggestion.dropFirst(text.count)),
                at: Point(row: point.row, column: point.column + prefixWidth + written), style: suggestionStyle,
                width: room - written)
        }
        surface.setCursor(Point(row: point.row, column: point.column + prefixWidth + cursorColumn))
    }
}
