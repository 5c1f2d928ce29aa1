import CNcursesw
import Glibc

/// The ncurses screen as a `Surface`: styles become attributes and extended colour pairs,
/// allocated on first use and mapped to what the terminal can show.
@MainActor
public final class CursesSurface: Surface {
    private let depth: ColorDepth
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var buffer: [wchar_t] = []

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(depth: ColorDepth) {
        self.depth = depth
    }

    public var size: Size { Size(rows: Int(cncw_lines()), columns: Int(cncw_columns())) }

    public func put(_ text: String, at point: Point, style: Style) {
        buffer.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
        buffer.withUnsafeBufferPointer { characters in
            cncw_put(
                Int32(point.row), Int32(point.column), characters.baseAddress, Int32(characters.count),
                attributes(style), pair(style))
        }
    }

    public func setCursor(_ point: Point?) {
        if let point { cncw_cursor(Int32(point.row), Int32(point.column)) } else { cncw_cursor(-1, -1) }
    }

    private func attributes(_ style: Style) -> UInt32 {
        var value: UInt32 = 0
        if style.bold { value |= cncw_attr_bold() }
        if style.dim { value |= cncw_attr_dim() }
        if style.underline { value |= cncw_attr_underline() }
        if style.reverse { value |= cncw_attr_reverse() }
        if style.italic { value |= cncw_attr_italic() }
        return value
    }

    private func pair(_ style: Style) -> Int32 {
        guard let foreground = style.foreground.number(for: depth), let background = style.background.number(for: depth)
        else { return 0 }
        if foreground == -1 && background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        let number = nextPair
        guard cncw_init_pair(number, Int32(foreground), Int32(background)) else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
