/// A provider's rule for a namespace or repository name: 2 to `maximum` characters of lower-case letters,
/// digits and `separators`, with no separator first or last. Forms check it while the user types.
public struct NameRule: Sendable, Equatable {
    /// The longest name allowed, in characters.
    public let maximum: Int
    /// The characters allowed between letters and digits.
    public let separators: String

    /// Creates a rule.
    public init(maximum: Int, separators: String) {
        self.maximum = maximum
        self.separators = separators
    }

    /// Whether `name` follows the rule.
    public func allows(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        let isSeparator = { (scalar: Unicode.Scalar) in separators.unicodeScalars.contains(scalar) }
        guard (2...maximum).contains(scalars.count), let first = scalars.first, let last = scalars.last else {
            return false
        }
        let allowed = scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || isSeparator($0) }
        return allowed && !isSeparator(first) && !isSeparator(last)
    }
}
