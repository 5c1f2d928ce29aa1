/// A version as tags spell it: `v1.2.3`, `1.10`, `2.0.0-rc.1+build5`. Missing minor and patch
/// parts count as 0; prerelease identifiers compare per SemVer 2.0 §11; build metadata is ignored.
public struct SemanticVersion: Comparable, Sendable {
    public var numbers: [Int]
    public var prerelease: [String]

    /// Parses a tag, or returns nil when it is not a version.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.first == "v" || body.first == "V" { body = body.dropFirst() }
        if let plus = body.firstIndex(of: "+") { body = body[..<plus] }
        var prerelease: [String] = []
        if let dash = body.firstIndex(of: "-") {
            prerelease = body[body.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(
                String.init)
            guard !prerelease.contains(where: \.isEmpty) else { return nil }
            body = body[..<dash]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy(\.isASCIIDigit), let number = Int(part) else { return nil }
            numbers.append(number)
        }
        while numbers.count < 3 { numbers.append(0) }
        self.numbers = numbers
        self.prerelease = prerelease
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.numbers != rhs.numbers { return lhs.numbers.lexicographicallyPrecedes(rhs.numbers) }
        switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
        case (true, true): return false
        case (true, false): return false
        case (false, true): return true
        case (false, false):
            for (l, r) in zip(lhs.prerelease, rhs.prerelease) where l != r {
                switch (Int(l), Int(r)) {
                case let (a?, b?): return a < b
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return l < r
                }
            }
            return lhs.prerelease.count < rhs.prerelease.count
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
