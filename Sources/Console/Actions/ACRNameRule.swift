import TerminalUI

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

    /// The rule in words.
    func describe(_ catalog: Catalog) -> String {
        catalog[.nameRule, maximum, separators.map(String.init).joined(separator: " ")]
    }

    /// A text field for a name, with the rule as its hint.
    func field(id: String, label: String, value: String = "", catalog: Catalog) -> Form.Field {
        Form.Field(id: id, label: label, value: .text(LineEditor(value)), hint: describe(catalog))
    }

    /// Marks the field `id` of `form`: required when empty, the rule when broken.
    func check(_ form: inout Form, _ id: String, catalog: Catalog) {
        let name = form[id]?.text ?? ""
        form[id]?.error = name.isEmpty ? catalog[.valueRequired] : (allows(name) ? nil : describe(catalog))
    }
}
