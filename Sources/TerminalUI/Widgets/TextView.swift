/// A scrollable view of styled lines (manifests, configs, help text), with a vertical and a
/// horizontal offset.
public struct TextView: Sendable {
    public var lines: [StyledLine]
    public private(set) var top = 0
    public private(set) var left = 0
    private var pageSize = 10

    public init(lines: [StyledLine] = []) { self.lines = lines }

    /// Scrolls for navigation keys; returns false for other keys.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .character("k"): scroll(by: -1)
        case .down, .character("j"): scroll(by: 1)
        case .pageUp, .control("b"): scroll(by: -(pageSize - 1))
        case .pageDown, .control("f"), .character(" "): scroll(by: pageSize - 1)
        case .home, .character("g"): top = 0
        case .end, .character("G"): top = max(0, lines.count - pageSize)
        case .left, .character("h"): left = max(0, left - 8)
        case .right, .character("l"): left += 8
        case .mouse(let event) where event.kind == .wheelUp: scroll(by: -3)
        case .mouse(let event) where event.kind == .wheelDown: scroll(by: 3)
        default: return false
        }
        return true
    }

    /// Replaces the content and scrolls to the top.
    public mutating func set(_ newLines: [StyledLine]) {
        lines = newLines
        top = 0
        left = 0
    }

    /// Scrolls so that `line` is the top line, as far as the content allows.
    public mutating func scroll(toLine line: Int) {
        top = max(0, min(line, lines.count - pageSize))
    }

    private mutating func scroll(by delta: Int) {
        top = max(0, min(top + delta, max(0, lines.count - pageSize)))
    }

    /// Draws the visible lines.
    @MainActor
    public mutating func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        pageSize = max(1, rect.rows)
        top = max(0, min(top, max(0, lines.count - pageSize)))
        for (offset, line) in lines.dropFirst(top).prefix(rect.rows).enumerated() {
            line.draw(
                on: surface, at: Point(row: rect.row + offset, column: rect.column), width: rect.columns, theme: theme,
                skip: left)
        }
    }
}
