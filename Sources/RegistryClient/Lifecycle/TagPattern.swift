/// A rule's `tag_regexp`, compiled once. A pattern that is a literal with optional anchors
/// (`^release-`, `-alpine$`, `.*prod.*`), as most retention patterns are, is matched with byte
/// comparisons; anything else goes to Swift's `Regex`, after a byte check of the literal prefix an
/// anchored pattern requires (`^release-` of `^release-[0-9]+$`). Either way it is a search: the
/// name matches when the pattern matches somewhere in it.
struct TagPattern {
    private enum Matcher {
        case literal(bytes: [UInt8], anchoredStart: Bool, anchoredEnd: Bool)
        case regex(Regex<AnyRegexOutput>, requiredPrefix: [UInt8])
    }

    private let matcher: Matcher

    /// Compiles `pattern`.
    /// - Throws: when it is not a valid regular expression.
    init(_ pattern: String) throws {
        if let literal = Self.literal(pattern) {
            matcher = literal
        } else {
            matcher = .regex(try Regex(pattern), requiredPrefix: Self.requiredPrefix(pattern))
        }
    }

    /// Whether the pattern matches somewhere in `name`.
    func matches(_ name: String) -> Bool {
        switch matcher {
        case .regex(let regex, let prefix):
            return name.utf8.starts(with: prefix) && name.contains(regex)
        case .literal(let bytes, let anchoredStart, let anchoredEnd):
            let utf8 = name.utf8
            switch (anchoredStart, anchoredEnd) {
            case (true, true): return utf8.elementsEqual(bytes)
            case (true, false): return utf8.starts(with: bytes)
            case (false, true): return utf8.count >= bytes.count && utf8.suffix(bytes.count).elementsEqual(bytes)
            case (false, false): return bytes.isEmpty || Array(utf8).firstRange(of: bytes) != nil
            }
        }
    }

    /// The literal bytes an anchored pattern starts with, up to the first metacharacter and without a
    /// character a quantifier applies to; empty when the pattern is not anchored or has an alternation.
    private static func requiredPrefix(_ pattern: String) -> [UInt8] {
        let bytes = Array(pattern.utf8)
        guard bytes.first == UInt8(ascii: "^"), !bytes.contains(UInt8(ascii: "|")) else { return [] }
        var prefix: [UInt8] = []
        for byte in bytes.dropFirst() {
            if "?*+{".utf8.contains(byte) {
                if !prefix.isEmpty { prefix.removeLast() }
                break
            }
            guard byte < 0x80, !"^$.|()[]\\".utf8.contains(byte) else { break }
            prefix.append(byte)
        }
        return prefix
    }

    /// The literal form of `pattern`, when it has one: optional `^` or `.*` at the start, `$` or `.*`
    /// at the end, and in between only characters that match themselves or are escaped punctuation.
    private static func literal(_ pattern: String) -> Matcher? {
        var body = Substring(pattern)
        var anchoredStart = false
        var anchoredEnd = false
        if body.hasPrefix("^") {
            anchoredStart = true
            body = body.dropFirst()
        } else if body.hasPrefix(".*") {
            body = body.dropFirst(2)
        }
        if body.hasSuffix("$"), !body.hasSuffix("\\$") {
            anchoredEnd = true
            body = body.dropLast()
        } else if body.hasSuffix(".*"), !body.hasSuffix("\\.*") {
            body = body.dropLast(2)
        }
        var bytes: [UInt8] = []
        var escaped = false
        for byte in body.utf8 {
            if escaped {
                // Only punctuation escapes are literal; `\d`, `\w`… are classes.
                guard byte < 0x80, !(byte >= 0x30 && byte <= 0x39), !(byte >= 0x41 && byte <= 0x5A),
                    !(byte >= 0x61 && byte <= 0x7A)
                else { return nil }
                bytes.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte >= 0x80 || "^$.|?*+()[]{}".utf8.contains(byte) {
                return nil
            } else {
                bytes.append(byte)
            }
        }
        guard !escaped else { return nil }
        return .literal(bytes: bytes, anchoredStart: anchoredStart, anchoredEnd: anchoredEnd)
    }
}
