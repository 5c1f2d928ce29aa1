extension Catalog {
    /// The form a counted noun takes. English has a singular for exactly 1; Chinese has no plural
    /// (its texts count with a measure word, `1 个标签`, and hold no `{N|one|other}`).
    enum PluralForm: Equatable { case one, other }

    /// The form a count takes in this language.
    func pluralForm(_ count: Int?) -> PluralForm {
        language == .english && count == 1 ? .one : .other
    }

    /// Replaces each `{N|one|other}` in `text` by the form the count in argument N takes; an
    /// argument that is not a whole number takes `other`. Other braces are left as they are.
    func choosingForms(_ text: String, _ arguments: [any CustomStringConvertible]) -> String {
        guard text.contains("|") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, let index = Int(parts[0]), arguments.indices.contains(index) {
                let count = (arguments[index] as? any BinaryInteger).flatMap { Int(exactly: $0) }
                result += pluralForm(count) == .one ? parts[1] : parts[2]
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
