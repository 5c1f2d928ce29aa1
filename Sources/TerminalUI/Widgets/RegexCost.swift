/// Refuses extended regexes that glibc's `regcomp` would need gigabytes to compile: a quantifier
/// right after another (`a+++…`, exponential), a repeat count above 255 (`a{1,32767}`, 8 GB), or
/// counted repeats that multiply past 10,000 states.
enum RegexCost {
    static let maximumCount = 255
    static let maximumStates = 10_000
    private static let classOpeners: [UInt8] = [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ".")]

    /// Why the pattern is refused, nil when it is cheap enough.
    static func problem(_ pattern: String) -> String? {
        let bytes = Array(pattern.utf8)
        var groups = [0]  // states so far in each open group
        var total = 0
        var previous = 0  // states of the atom or group a quantifier would repeat
        var quantified = false
        var index = 0
        while index < bytes.count {
            let counted = bytes[index] == UInt8(ascii: "{") ? repeatCount(bytes, from: index) : nil
            switch (bytes[index], counted) {
            case (UInt8(ascii: "("), _):
                groups.append(0)
                previous = 0
                quantified = false
            case (UInt8(ascii: ")"), _):
                let group = groups.count > 1 ? groups.removeLast() : 0
                groups[groups.count - 1] += group
                previous = group
                quantified = false
            case (UInt8(ascii: "|"), _):
                previous = 0
                quantified = false
            case (UInt8(ascii: "*"), _), (UInt8(ascii: "+"), _), (UInt8(ascii: "?"), _):
                if quantified { return "a quantifier cannot follow another" }
                quantified = true
            case (_, let (count, end)?):
                if quantified { return "a quantifier cannot follow another" }
                if count > maximumCount { return "a repeat count is at most \(maximumCount)" }
                let added = previous * max(count - 1, 0)
                groups[groups.count - 1] += added
                total += added
                previous *= max(count, 1)
                quantified = true
                index = end
            default:
                index = endOfAtom(bytes, from: index) - 1
                groups[groups.count - 1] += 1
                total += 1
                previous = 1
                quantified = false
            }
            if total > maximumStates { return "the pattern repeats too much (over \(maximumStates) states)" }
            index += 1
        }
        return nil
    }

    /// The larger bound of `{m}`, `{m,}` (counted as m + 1) or `{m,n}` at `start`, and the index of its `}`.
    private static func repeatCount(_ bytes: [UInt8], from start: Int) -> (Int, Int)? {
        var numbers = [0]
        var digits = 0
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") {
                guard digits > 0 || numbers.count == 2 else { return nil }
                let upper = numbers.count == 2 && digits == 0 ? numbers[0] + 1 : numbers.max() ?? 0
                return (upper, index)
            } else if byte == UInt8(ascii: ","), numbers.count == 1, digits > 0 {
                numbers.append(0)
                digits = 0
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 6 {
                numbers[numbers.count - 1] = numbers[numbers.count - 1] * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The index just past the atom at `start`: an escape, a bracket expression or one character.
    private static func endOfAtom(_ bytes: [UInt8], from start: Int) -> Int {
        switch bytes[start] {
        case UInt8(ascii: "\\"):
            return min(start + 2, bytes.count)
        case UInt8(ascii: "["):
            var index = start + 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "^") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1 }
            while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
                // `[:alpha:]`, `[=a=]`, `[.x.]` hold their own `]`.
                if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, classOpeners.contains(bytes[index + 1]) {
                    let close = bytes[index + 1]
                    index += 2
                    while index + 1 < bytes.count, !(bytes[index] == close && bytes[index + 1] == UInt8(ascii: "]")) {
                        index += 1
                    }
                    index += 1
                }
                index += 1
            }
            return min(index + 1, bytes.count)
        default:
            return start + 1
        }
    }
}
