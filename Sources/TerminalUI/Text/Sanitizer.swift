/// Makes untrusted text safe to draw or print.
///
/// Registry names, labels, scan reports and server errors can carry escape sequences that would
/// repaint or retitle the terminal, or bidi overrides that reorder what the user reads. Every such
/// character is replaced by a visible stand-in, so tampering shows instead of acting.
public enum Sanitizer {
    /// Returns `text` with C0/C1 controls, DEL and bidi controls replaced. Tabs become a space;
    /// line breaks become `␤`, so the result is always one line.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(replacement(for: scalar))
        }
        return String(result)
    }

    /// Like `clean`, but line breaks stay (for formats that escape them, such as JSON).
    public static func clean(_ text: String, keepingLineBreaks: Bool) -> String {
        guard keepingLineBreaks, text.contains("\n") else { return clean(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(
            separator: "\n")
    }

    /// Whether the scalar is a control or formatting character that `clean` replaces.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: " "
        case 0x0A, 0x0D: "\u{2424}"  // ␤
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value)!  // control pictures: ␛ for ESC
        case 0x7F: "\u{2421}"  // ␡
        case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: "\u{FFFD}"
        default: scalar
        }
    }
}
