import CNcursesw

/// Turns what `wget_wch` returned into a `Key`.
enum KeyDecoder {
    /// - Parameters:
    ///   - kind: 1 for a character, 2 for a function key code.
    static func decode(kind: Int32, value: Int32) -> Key? {
        if kind == 1 { return character(value) }
        switch value {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_MOUSE: return mouse()
        default:
            for number in 1...24 where value == cncw_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }

    private static func character(_ value: Int32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 31: return .control("/")
        default:
            guard value > 31, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func mouse() -> Key? {
        var row: Int32 = 0
        var column: Int32 = 0
        let point = { Point(row: Int(row), column: Int(column)) }
        switch cncw_mouse_event(&row, &column) {
        case 1: return .mouse(MouseEvent(kind: .click, point: point()))
        case 2: return .mouse(MouseEvent(kind: .wheelUp, point: point()))
        case 3: return .mouse(MouseEvent(kind: .wheelDown, point: point()))
        default: return nil
        }
    }
}
