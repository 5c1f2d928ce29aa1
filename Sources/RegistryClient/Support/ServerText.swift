/// Text a server chose, made safe to show: control and format characters (escape sequences, bidi
/// overrides, newlines) become spaces, runs of spaces collapse, and long text is cut with `…`.
enum ServerText {
    /// `text` cleaned and cut to `limit` characters.
    static func displayable(_ text: String, limit: Int = 200) -> String {
        var cleaned = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let category = scalar.properties.generalCategory
            let isSpace = category == .control || category == .format || scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { cleaned.unicodeScalars.append(" ") }
            } else {
                cleaned.unicodeScalars.append(scalar)
            }
            lastWasSpace = isSpace
        }
        while cleaned.last == " " { cleaned.removeLast() }
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }
}
