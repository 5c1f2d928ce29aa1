import Foundation

/// Key names as keymaps and help screens write them: `q`, `G`, `ctrl-d`, `shift-tab`, `enter`,
/// `esc`, `space`, `up`, `pgdown`, `f1`.
public enum KeySpec {
    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "backspace": .backspace, "bs": .backspace, "space": .character(" "), "up": .up,
        "down": .down, "left": .left, "right": .right, "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp,
        "pgdown": .pageDown, "pgdn": .pageDown, "pagedown": .pageDown, "insert": .insert, "delete": .delete,
        "del": .delete,
    ]

    /// Parses a key name; nil when it names no key.
    public static func parse(_ text: String) -> Key? {
        let lowered = text.lowercased().replacingOccurrences(of: "+", with: "-")
        if text.count == 1, let character = text.first { return .character(character) }
        if let key = named[lowered] { return key }
        for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            if rest == "space" { return .control(" ") }
            if rest.count == 1, let character = rest.first { return .control(character) }
        }
        if lowered.hasPrefix("shift-"), text.count == 7, let letter = text.last, letter.isLetter {
            return .character(Character(letter.uppercased()))
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    /// The name a help screen shows for a key.
    public static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .control(" "): return "ctrl-space"
        case .control(let character): return "ctrl-\(character)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .insert: return "ins"
        case .delete: return "del"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .function(let number): return "f\(number)"
        case .mouse: return "mouse"
        }
    }
}
