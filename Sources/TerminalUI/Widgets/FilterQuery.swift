import Glibc

/// A `/` filter as typed: plain text matches as a case-insensitive substring, `re:PATTERN` (or
/// `/PATTERN/`) as a case-insensitive extended regex, `-f TEXT` (or `~TEXT`) fuzzily; a leading `!`
/// inverts any of them (k9s' conventions).
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
        !inverted && !previous.inverted && mode == previous.mode && mode != .regex && pattern.hasPrefix(previous.pattern)
    }

    /// Whether a row's search key (lowercased UTF-8, NUL-terminated) passes the filter.
    public func matches(_ key: [UInt8]) -> Bool {
        guard !pattern.isEmpty else { return true }
        let found: Bool
        switch mode {
        case .substring:
            found = Self.contains(key, needle)
        case .fuzzy:
            found = Self.fuzzyScore(needle, key) != nil
        case .regex:
            found = regex?.matches(key) ?? false
        }
        return found != inverted
    }

    /// Byte substring search: `memchr` for the first byte, then `memcmp`.
    static func contains(_ key: [UInt8], _ needle: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let length = haystack.count - 1  // without the NUL
                guard needle.count <= length, let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return needle.isEmpty }
                var start = 0
                while start + needle.count <= length {
                    guard let hit = memchr(base + start, Int32(first), length - start - needle.count + 1) else { return false }
                    let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pattern, needle.count) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }

    /// The fuzzy score of a key (higher is better), nil when the pattern's letters do not appear in order.
    public func score(_ key: [UInt8]) -> Int? { mode == .fuzzy ? Self.fuzzyScore(needle, key) : nil }

    /// Subsequence match: consecutive hits and hits at word starts score more.
    static func fuzzyScore(_ needle: [UInt8], _ key: [UInt8]) -> Int? {
        var score = 0
        var position = 0
        var previousHit = -2
        for byte in needle {
            while position < key.count - 1, key[position] != byte { position += 1 }
            guard position < key.count - 1 else { return nil }
            score += position == previousHit + 1 ? 3 : 1
            if position == 0 || [0x20, 0x2F, 0x2D, 0x2E, 0x5F, 0x3A].contains(key[position - 1]) { score += 2 }
            previousHit = position
            position += 1
        }
        return score - key.count / 16
    }

    /// A row's search key: its text lowercased, as NUL-terminated UTF-8.
    public static func key(_ text: String) -> [UInt8] {
        Array(text.lowercased().utf8) + [0]
    }
}

/// A compiled POSIX extended regular expression (glibc's, case-insensitive), fast enough to run
/// over every row on each keystroke.
final class POSIXRegex: @unchecked Sendable {
    private var compiled = regex_t()

    struct CompileError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ pattern: String) throws(CompileError) {
        if let problem = RegexCost.problem(pattern) { throw CompileError(description: "invalid regex '\(pattern)': \(problem)") }
        let status = regcomp(&compiled, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)
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
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { regexec(&compiled, $0, 0, nil, 0) == 0 }
        }
    }
}
