/// ACR's rule for a namespace or repository name: 2 to `maximum` characters of lower-case letters,
/// digits and `separators`, with no separator first or last. Forms check it while the user types.
struct ACRNameRule {
    let maximum: Int
    let separators: String

    /// Namespaces: up to 120 characters, separators `_ - .`.
    static let namespace = ACRNameRule(maximum: 120, separators: "_-.")
    /// Repositories (the part after the namespace): up to 64 characters, separators `_ - . /`.
    static let repository = ACRNameRule(maximum: 64, separators: "_-./")

    /// Whether `name` follows the rule.
    func allows(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        let isSeparator = { (scalar: Unicode.Scalar) in separators.unicodeScalars.contains(scalar) }
        guard (2...maximum).contains(scalars.count), let first = scalars.first, let last = scalars.last else { return false }
        let allowed = scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || isSeparator($0) }
        return allowed && !isSeparator(first) && !isSeparator(last)
    }
}
