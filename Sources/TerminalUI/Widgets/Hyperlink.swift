/// Text on screen that is also a link (OSC 8). Curses draws the text; after the frame, the same
/// text is written again wrapped in the OSC 8 sequence, with the cursor and attributes saved and
/// restored around it (DECSC/DECRC), so curses' picture of the screen stays true. Terminals
/// without OSC 8 ignore the wrapper.
public struct Hyperlink: Sendable, Equatable {
    public var text: String
    public var url: String
    public var point: Point

    public init(text: String, url: String, at point: Point) {
        self.text = text
        self.url = url
        self.point = point
    }

    /// The escape sequence that turns `links` into hyperlinks, or "" for none.
    public static func sequence(_ links: [Hyperlink]) -> String {
        guard !links.isEmpty else { return "" }
        var output = "\u{1B}7"
        for link in links {
            let url = Sanitizer.clean(link.url).filter { $0 != " " }
            output += "\u{1B}[\(link.point.row + 1);\(link.point.column + 1)H\u{1B}[0;4m"
            output += "\u{1B}]8;;\(url)\u{1B}\\\(Sanitizer.clean(link.text))\u{1B}]8;;\u{1B}\\"
        }
        return output + "\u{1B}8"
    }
}
