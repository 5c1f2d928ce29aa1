import CNcursesw

/// Column widths of text as a terminal draws it: CJK and most emoji take two columns,
/// combining marks none. Requires a UTF-8 `LC_CTYPE` (see `TerminalLocale`).
public enum DisplayWidth {
    /// Columns one scalar occupies; unprintable scalars count as one (they are drawn replaced).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }
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

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
