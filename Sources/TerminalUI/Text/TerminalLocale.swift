import Foundation

/// Locale set-up that display widths and wide-character curses depend on.
public enum TerminalLocale {
    /// Adopts the user's locale (`setlocale(LC_ALL, "")`); when its character set is not UTF-8,
    /// switches `LC_CTYPE` to `C.UTF-8` so widths of CJK text stay right. Call once, first thing.
    public static func configure() {
        setlocale(LC_ALL, "")
        ensureUTF8CharacterType()
    }

    /// Switches `LC_CTYPE` to `C.UTF-8` unless it already is a UTF-8 locale.
    static func ensureUTF8CharacterType() {
        let ctype = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? ""
        // Plain string operations: the Foundation ones would load its string bridging at start-up.
        if !ctype.lowercased().filter({ $0 != "-" }).contains("utf8") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
