import RegistryClient
import TerminalUI

/// A provider's name rule in forms: a hint while the user types, an error when it is broken.
extension NameRule {
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
