/// A glob in the `doublestar` syntax Harbor's retention and immutability selectors use: `*` matches
/// any run of characters within a `/`-separated segment, `**` as a whole segment any number of
/// segments (none included), `?` one character but `/`, `[a-z]`/`[!x]` a class, `{a,b}` either
/// alternative (nested too), `\` escapes. The whole name must match; an empty pattern matches
/// everything, as Harbor's selectors treat it.
public struct DoublestarPattern: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    /// The pattern with its braces expanded, each split into segments.
    private let alternatives: [[[Character]]]

    /// At most this many alternatives after brace expansion; the rest are dropped.
    static let maxAlternatives = 1_024

    /// Compiles `pattern`; a pattern with an unclosed brace or class treats it as a literal.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.alternatives = Self.expand(Array(pattern)).map { Self.segments(of: $0) }
    }

    /// Whether `name` (a tag, or a repository name within its project) matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        if pattern.isEmpty { return true }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(Array.init)
        return alternatives.contains { Self.match(segments: $0, parts: parts) }
    }

    // MARK: Braces

    /// Every pattern `{…}` alternatives give, left to right, at most `limit` of them.
    private static func expand(_ pattern: [Character], limit: Int = maxAlternatives) -> [[Character]] {
        guard let (open, close, commas) = firstBraces(in: pattern) else { return [pattern] }
        let prefix = Array(pattern[..<open])
        let suffix = Array(pattern[(close + 1)...])
        let bounds = [open] + commas + [close]
        var results: [[Character]] = []
        for index in 0..<(bounds.count - 1) where results.count < limit {
            let option = Array(pattern[(bounds[index] + 1)..<bounds[index + 1]])
            results += expand(prefix + option + suffix, limit: limit - results.count)
        }
        return results
    }

    /// The first top-level `{` with its matching `}` and the commas between them at its level.
    private static func firstBraces(in pattern: [Character]) -> (Int, Int, [Int])? {
        var index = 0
        var inClass = false
        while index < pattern.count {
            let character = pattern[index]
            if character == "\\" {
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
            } else if character == "[" {
                inClass = true
            } else if character == "{" {
                var depth = 0
                var commas: [Int] = []
                var cursor = index
                while cursor < pattern.count {
                    switch pattern[cursor] {
                    case "\\": cursor += 1
                    case "{": depth += 1
                    case "}":
                        depth -= 1
                        if depth == 0 { return (index, cursor, commas) }
                    case "," where depth == 1: commas.append(cursor)
                    default: break
                    }
                    cursor += 1
                }
                return nil
            }
            index += 1
        }
        return nil
    }

    // MARK: Segments

    private static func segments(of pattern: [Character]) -> [[Character]] {
        var segments: [[Character]] = [[]]
        var escaped = false
        for character in pattern {
            if character == "/" && !escaped {
                segments.append([])
            } else {
                segments[segments.count - 1].append(character)
            }
            escaped = !escaped && character == "\\"
        }
        return segments
    }

    /// Matches segment lists, `**` taking any number of name segments; a table over (pattern,
    /// name) positions keeps it polynomial however many `**` there are.
    private static func match(segments: [[Character]], parts: [[Character]]) -> Bool {
        let rows = segments.count
        let columns = parts.count
        // reachable[i][j]: the first i segments match the first j parts.
        var reachable = Array(repeating: Array(repeating: false, count: columns + 1), count: rows + 1)
        reachable[0][0] = true
        for i in 0..<rows {
            let globstar = segments[i] == ["*", "*"]
            for j in 0...columns where reachable[i][j] {
                if globstar {
                    for k in j...columns { reachable[i + 1][k] = true }
                } else if j < columns, matchSegment(segments[i], parts[j]) {
                    reachable[i + 1][j + 1] = true
                }
            }
        }
        return reachable[rows][columns]
    }

    /// Matches one segment with `*`, `?`, classes and escapes, backtracking only to the last `*`.
    private static func matchSegment(_ pattern: [Character], _ name: [Character]) -> Bool {
        var p = 0
        var n = 0
        var star: (p: Int, n: Int)?
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                while p < pattern.count, pattern[p] == "*" { p += 1 }
                star = (p, n)
                continue
            }
            if p < pattern.count, let width = matchOne(pattern, at: p, name[n]) {
                p += width
                n += 1
                continue
            }
            guard let resume = star else { return false }
            star = (resume.p, resume.n + 1)
            p = resume.p
            n = resume.n + 1
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// When the pattern element at `index` matches `character`, how many pattern characters it spans.
    private static func matchOne(_ pattern: [Character], at index: Int, _ character: Character) -> Int? {
        switch pattern[index] {
        case "?":
            return 1
        case "\\" where index + 1 < pattern.count:
            return pattern[index + 1] == character ? 2 : nil
        case "[":
            guard let (matched, width) = matchClass(pattern, at: index, character) else {
                return character == "[" ? 1 : nil
            }
            return matched ? width : nil
        default:
            return pattern[index] == character ? 1 : nil
        }
    }

    /// Matches a `[…]` class: whether it matched and its width, nil when it is not closed.
    private static func matchClass(_ pattern: [Character], at start: Int, _ character: Character) -> (Bool, Int)? {
        var index = start + 1
        let negated = index < pattern.count && (pattern[index] == "!" || pattern[index] == "^")
        if negated { index += 1 }
        var matched = false
        var first = true
        while index < pattern.count {
            var low = pattern[index]
            if low == "]" && !first { return (matched != negated, index - start + 1) }
            first = false
            if low == "\\", index + 1 < pattern.count {
                index += 1
                low = pattern[index]
            }
            var high = low
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                high = pattern[index + 2]
                index += 2
            }
            if low <= character && character <= high { matched = true }
            index += 1
        }
        return nil
    }
}
