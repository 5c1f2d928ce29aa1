import CNcursesw

/// Column widths of text as a terminal draws it: CJK and most emoji take two columns,
/// combining marks none. `wcwidth` needs a UTF-8 `LC_CTYPE`; the first measurement makes sure of it.
public enum DisplayWidth {
    private static let utf8Locale: Void = TerminalLocale.ensureUTF8CharacterType()

    /// Columns one scalar occupies: 2 for wide (CJK, most emoji), 0 for combining marks, and 1 for
    /// everything else, unprintable scalars included (they are drawn replaced).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }
        _ = utf8Locale
        let width = Int(cncw_wcwidth(wchar_t(bitPattern: scalar.value)))
        return width < 0 ? 1 : width
    }

    /// Columns the whole string occupies.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Cuts `text` to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let columns = of(scalar)
            if used + columns > width - 1 { break }
            result.append(scalar)
            used += columns
        }
        result.append("…")
        return String(result)
    }

    /// Cuts `text` to at most `width` columns without an ellipsis.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let columns = of(scalar)
            if used + columns > width { break }
            result.append(scalar)
            used += columns
        }
        return String(result)
    }

    /// `text` without its first `columns` columns (a wide character straddling the cut goes too);
    /// also returns how many columns were dropped.
    public static func dropLeading(_ text: String, columns: Int) -> (rest: String, dropped: Int) {
        var dropped = 0
        var index = text.startIndex
        while dropped < columns, index < text.endIndex {
            dropped += of(String(text[index]))
            index = text.index(after: index)
        }
        return (String(text[index...]), dropped)
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
