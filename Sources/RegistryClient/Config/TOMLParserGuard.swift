/// Finds mistakes TOMLKit cannot refuse safely: its bundled toml++ asserts (aborting the process)
/// on a table header without a key (`[)]`, ``[`x]``) and on a `}` inside an array (`a = [1, }`).
enum TOMLParserGuard {
    /// The 1-based line and description of the first such mistake, nil when there is none. Strings
    /// and comments are skipped, as the parser skips them.
    static func problem(in text: String) -> (line: Int, message: String)? {
        let bytes = Array(text.utf8)
        // The parser skips a byte-order mark, so the first line starts after it.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var open: [UInt8] = []  // the `[` and `{` of values not closed yet
        var atLineStart = true
        func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
        while let current = byte(index) {
            switch current {
            case UInt8(ascii: "\n"):
                line += 1
                atLineStart = true
                index += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "#"):
                while let next = byte(index), next != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let triple = byte(index + 1) == current && byte(index + 2) == current
                index += triple ? 3 : 1
                while let next = byte(index) {
                    if triple && next == current && byte(index + 1) == current && byte(index + 2) == current {
                        index += 3
                        break
                    }
                    if !triple && (next == current || next == UInt8(ascii: "\n")) {
                        if next == current { index += 1 }
                        break
                    }
                    if next == UInt8(ascii: "\n") { line += 1 }
                    index += next == UInt8(ascii: "\\") && current == UInt8(ascii: "\"") ? 2 : 1
                }
                atLineStart = false
                continue
            case UInt8(ascii: "[") where open.isEmpty && atLineStart:
                index += byte(index + 1) == UInt8(ascii: "[") ? 2 : 1
                while byte(index) == UInt8(ascii: " ") || byte(index) == UInt8(ascii: "\t") { index += 1 }
                if let first = byte(index), !isKeyStart(first) { return (line, "a table header needs a key after '['") }
                atLineStart = false
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append(current)
            case UInt8(ascii: "}") where open.last == UInt8(ascii: "["):
                return (line, "'}' inside an array")
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = open.popLast()
            default:
                break
            }
            atLineStart = false
            index += 1
        }
        return nil
    }

    /// A bare-key character (`A-Z a-z 0-9 _ -`), a quote, or the `]` of an empty header.
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }
}
