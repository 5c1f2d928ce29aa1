import Glibc

/// A `/` filter as typed: plain text matches as a case-insensitive substring, `re:PATTERN` (or
/// `/PATTERN/`) as a case-insensitive extended regex, `-f TEXT` (or `~TEXT`) fuzzily; a leading `!`
/// inverts any of them (k9s' conventions). A row is searched field by field: a substring or fuzzy
/// match lies within one field, and a regex's `^` and `$` anchor to a field's ends.
public struct FilterQuery: Sendable {
    /// How the pattern is matched.
    public enum Mode: Sendable, Equatable { case substring, regex, fuzzy }

    public let mode: Mode
    public let inverted: Bool
    /// The pattern, lowercased for substring and fuzzy matching.
    public let pattern: String
    private let needle: [UInt8]
    private let regex: POSIXRegex?

    /// A pattern that does not compile.
    public struct InvalidPattern: Error, Sendable, CustomStringConvertible {
        public var description: String

        /// An error that shows `description` to the user.
        public init(description: String) { self.description = description }
    }

    /// Parses the filter text.
    /// - Throws: `InvalidPattern` for a regex that does not compile.
    public init(_ text: String) throws(InvalidPattern) {
        var rest = Substring(text)
        inverted = rest.hasPrefix("!")
        if inverted { rest = rest.dropFirst() }
        if rest.hasPrefix("re:") {
            mode = .regex
            rest = rest.dropFirst(3)
        } else if rest.count >= 2, rest.hasPrefix("/"), rest.hasSuffix("/") {
            mode = .regex
            rest = rest.dropFirst().dropLast()
        } else if rest.hasPrefix("-f ") || rest.hasPrefix("~") {
            mode = .fuzzy
            rest = rest.hasPrefix("~") ? rest.dropFirst() : rest.dropFirst(3)
        } else {
            mode = .substring
        }
        pattern = mode == .regex ? String(rest) : rest.lowercased()
        needle = Array(pattern.utf8)
        if mode == .regex {
            do {
                regex = try POSIXRegex(pattern)
            } catch {
                throw InvalidPattern(description: error.description)
            }
        } else {
            regex = nil
        }
    }

    /// Whether the query keeps everything (an empty pattern).
    public var isEmpty: Bool { pattern.isEmpty }

    /// Whether this query can only keep a subset of what `previous` kept (typing more characters),
    /// so filtering can start from the previous result.
    public func narrows(_ previous: FilterQuery) -> Bool {
        !inverted && !previous.inverted && mode == previous.mode && mode != .regex
            && pattern.hasPrefix(previous.pattern)
    }

    /// A row's search key: its fields lowercased and joined by newlines, a NUL, then its identifier
    /// fields the same way, NUL-terminated UTF-8. A regex stops at the first NUL, so it sees the
    /// fields only; a substring search sees everything.
    public struct Key: Sendable {
        let bytes: [UInt8]
        /// Where the identifier fields (which regex and fuzzy matching skip) begin in `bytes`.
        let fuzzyEnd: Int32
        /// Whether the fields are one (most rows): fuzzy matching need not look for field ends.
        let isSingleField: Bool
    }

    /// Whether a row's search key passes the filter.
    public func matches(_ key: Key) -> Bool {
        guard !pattern.isEmpty else { return true }
        let found: Bool
        switch mode {
        case .substring:
            found = Self.contains(key.bytes, needle)
        case .fuzzy:
            found = Self.fuzzyScore(needle, key) != nil
        case .regex:
            found = regex?.matches(key.bytes) ?? false
        }
        return found != inverted
    }

    /// Byte substring search: `memchr` for the first byte, then `memcmp`. Fields are separated by
    /// newlines, which a typed needle does not hold, so a hit lies within one field.
    static func contains(_ key: [UInt8], _ needle: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let length = haystack.count - 1  // without the NUL
                guard needle.count <= length, let first = needle.first, let base = haystack.baseAddress,
                    let pattern = needle.baseAddress
                else { return needle.isEmpty }
                var start = 0
                while start + needle.count <= length {
                    guard let hit = memchr(base + start, Int32(first), length - start - needle.count + 1) else {
                        return false
                    }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pattern, needle.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// The fuzzy score of a key (higher is better): the best of its fields', nil when no field holds
    /// the pattern's letters in order.
    public func score(_ key: Key) -> Int? { mode == .fuzzy ? Self.fuzzyScore(needle, key) : nil }

    private static func fuzzyScore(_ needle: [UInt8], _ key: Key) -> Int? {
        key.bytes.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                let fieldsEnd = Int(key.fuzzyEnd)
                if key.isSingleField { return fuzzyScore(needle, bytes, 0..<fieldsEnd) }
                var best: Int?
                var start = 0
                while start <= fieldsEnd {
                    var end = start
                    while end < fieldsEnd, bytes[end] != newline { end += 1 }
                    if let score = fuzzyScore(needle, bytes, start..<end), score > best ?? .min { best = score }
                    start = end + 1
                }
                return best
            }
        }
    }

    /// Subsequence match within one field: consecutive hits and hits at word starts score more.
    private static func fuzzyScore(
        _ needle: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>
    ) -> Int? {
        var score = 0
        var position = field.lowerBound
        var previousHit = -2
        for byte in needle {
            while position < field.upperBound, bytes[position] != byte { position += 1 }
            guard position < field.upperBound else { return nil }
            score += position == previousHit + 1 ? 3 : 1
            if position == field.lowerBound || isWordSeparator(bytes[position - 1]) { score += 2 }
            previousHit = position
            position += 1
        }
        return score - field.count / 16
    }

    /// Space, `/`, `-`, `.`, `_`, `:`.
    private static func isWordSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2F || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x3A
    }

    private static let newline: UInt8 = 0x0A

    /// A row's search key from its fields (name first) and its identifier fields (digests), which
    /// only substring filters search: a regex such as `0$` is about names, and any few hex digits
    /// appear in order in most digests.
    public static func key(fields: [String], identifiers: [String] = []) -> Key {
        var bytes: [UInt8] = []
        var fuzzyEnd = 0
        for (index, field) in (fields + identifiers).enumerated() {
            if index == fields.count {
                bytes.append(0)
            } else if index > 0 {
                bytes.append(newline)
            }
            bytes.append(contentsOf: field.lowercased().utf8.map { $0 == newline || $0 == 0 ? 0x20 : $0 })
            if index + 1 == fields.count { fuzzyEnd = bytes.count }
        }
        bytes.append(0)
        return Key(bytes: bytes, fuzzyEnd: Int32(clamping: fuzzyEnd), isSingleField: fields.count <= 1)
    }

    /// The search key of a row with one field.
    public static func key(_ text: String) -> Key { key(fields: [text]) }
}

/// A compiled POSIX extended regular expression (glibc's, case-insensitive), fast enough to run
/// over every row on each keystroke. Newlines end lines: `^` and `$` anchor to them, and `.` or a
/// `[^…]` list never crosses one.
final class POSIXRegex: @unchecked Sendable {
    private var compiled = regex_t()

    struct CompileError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ pattern: String) throws(CompileError) {
        if let problem = RegexCost.problem(pattern) {
            throw CompileError(description: "invalid regex '\(pattern)': \(problem)")
        }
        let status = regcomp(&compiled, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB | REG_NEWLINE)
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, &compiled, &buffer, buffer.count)
            regfree(&compiled)
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CompileError(description: "invalid regex '\(pattern)': \(message)")
        }
    }

    deinit { regfree(&compiled) }

    /// Whether the NUL-terminated bytes match.
    func matches(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                regexec(&compiled, $0, 0, nil, 0) == 0
            }
        }
    }
}
