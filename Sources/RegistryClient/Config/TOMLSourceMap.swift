import Foundation

/// Maps TOML keys to the lines that define them, so errors found after parsing (a wrong type,
/// an unknown key) can still name a line. TOMLKit keeps no source positions for values.
struct TOMLSourceMap {
    private var lines: [String: Int] = [:]

    /// Scans the text for table headers and `key =` lines.
    init(text: String) {
        var header = ""
        var arrayCounts: [String: Int] = [:]
        var insideMultilineString: String?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let delimiter = insideMultilineString {
                if line.components(separatedBy: delimiter).count % 2 == 0 { insideMultilineString = nil }
                continue
            }
            if line.hasPrefix("[[") , let end = line.range(of: "]]") {
                let name = Self.normalizeKey(String(line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]))
                let index = arrayCounts[name, default: 0]
                arrayCounts[name] = index + 1
                header = "\(name)[\(index)]"
                record(header, number)
            } else if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                header = Self.normalizeKey(String(line[line.index(after: line.startIndex)..<end]))
                record(header, number)
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalizeKey(String(line[..<equals]))
                record(header.isEmpty ? key : "\(header).\(key)", number)
                let value = line[line.index(after: equals)...]
                for delimiter in ["\"\"\"", "'''"] where value.components(separatedBy: delimiter).count == 2 {
                    insideMultilineString = delimiter
                }
            }
        }
    }

    private mutating func record(_ path: String, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// `a . "b"` → `a.b`.
    private static func normalizeKey(_ key: String) -> String {
        key.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }

    /// The line of `path.key`, else of the section `path`, else nil.
    func line(section path: String, key: String?) -> Int? {
        if let key, let line = lines[path.isEmpty ? key : "\(path).\(key)"] { return line }
        return lines[path]
    }
}
