import Foundation

/// A minimal INI reader for Alibaba Cloud's credentials file: `[section]` headers, `key = value`
/// lines, whole-line `#` and `;` comments, and ` #` comments after a value.
struct INIFile: Sendable, Equatable {
    /// Keys and values per section; a section named twice is merged, later keys winning.
    var sections: [String: [String: String]]
    /// Section names in the order they first appear.
    var order: [String]

    /// Parses `text`. Lines before the first section and lines without `=` are ignored.
    static func parse(_ text: String) -> INIFile {
        var file = INIFile(sections: [:], order: [])
        var current: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if file.sections[name] == nil {
                    file.sections[name] = [:]
                    file.order.append(name)
                }
                current = name
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = Substring(line[line.index(after: equals)...])
            if let comment = value.firstRange(of: " #") ?? value.firstRange(of: "\t#") {
                value = value[..<comment.lowerBound]
            }
            file.sections[current, default: [:]][key] = unquote(value.trimmingCharacters(in: .whitespaces))
        }
        return file
    }

    /// `"value"` or `'value'` → `value`.
    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }
}
