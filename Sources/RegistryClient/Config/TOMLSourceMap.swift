import Foundation

/// Maps TOML keys to the lines that define them, so errors found after parsing (a wrong type,
/// an unknown key) can still name a line. TOMLKit keeps no source positions for values.
struct TOMLSourceMap {
    private var lines: [String: Int] = [:]

    /// Scans the text for table headers and `key =` lines, in one pass with constant work per
    /// character (a config of many thousand entries must not take seconds here).
    init(text: String) {
        var header = ""
        var arrayCounts: [String: Int] = [:]
        var insideMultilineString: UInt8?  // the quote byte of the open `"""` or `'''`
        var number = 0
        // "\r\n" is one Character in Swift, so CRLF files need it named.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = Self.trimmed(rawLine)
            if let delimiter = insideMultilineString {
                if Self.tripleQuotes(delimiter, in: line) % 2 == 1 { insideMultilineString = nil }
                continue
            }
            if line.hasPrefix("[["), let end = line.range(of: "]]") {
                let name = Self.normalizeKey(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound])
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                header = "\(name)[\(index)]"
                record(header, number)
            } else if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                header = Self.normalizeKey(line[line.index(after: line.startIndex)..<end])
                record(header, number)
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalizeKey(line[..<equals])
                record(header.isEmpty ? key : "\(header).\(key)", number)
                let value = line[line.index(after: equals)...]
                for delimiter in [UInt8(ascii: "\""), UInt8(ascii: "'")]
                where Self.tripleQuotes(delimiter, in: value) == 1 {
                    insideMultilineString = delimiter
                }
            }
        }
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// The text without leading and trailing spaces and tabs.
    private static func trimmed(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// How often three `quote` bytes in a row occur in `text`, without overlaps.
    private static func tripleQuotes(_ quote: UInt8, in text: Substring) -> Int {
        var count = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == quote ? run + 1 : 0
            if run == 3 {
                count += 1
                run = 0
            }
        }
        return count
    }

    /// `a . "b"` → `a.b`.
    private static func normalizeKey(_ key: Substring) -> String {
        guard key.contains(where: { $0 == "." || $0 == "\"" || $0 == "'" }) else { return String(trimmed(key)) }
        let quotes = CharacterSet(charactersIn: "\"'")
        return key.split(separator: ".").map { String(trimmed($0)).trimmingCharacters(in: quotes) }
            .joined(separator: ".")
    }

    /// The line of `path.key`, else of the section `path`, else nil.
    func line(section path: String, key: String?) -> Int? {
        if let key, let line = lines[path.isEmpty ? key : "\(path).\(key)"] { return line }
        return lines[path]
    }
}
