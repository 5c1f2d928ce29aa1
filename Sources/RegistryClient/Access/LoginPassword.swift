/// The rule ACR sets for an instance's fixed login password: 8–32 printable ASCII characters of at
/// least two kinds (letters, digits, other characters). Checked before a reset is sent, so a
/// refused password never leaves the machine.
public enum LoginPassword {
    /// - Throws: `RegistryError(.invalidReference)` saying what is missing; never the password.
    public static func validate(_ password: String) throws {
        func refuse(_ why: String) -> RegistryError {
            RegistryError(
                .invalidReference, "the password is not accepted: \(why)",
                hint: "use 8 to 32 characters with at least two of letters, digits and symbols")
        }
        let scalars = password.unicodeScalars
        guard scalars.allSatisfy({ (0x21...0x7e).contains($0.value) }) else {
            throw refuse("only printable ASCII characters, without spaces, are allowed")
        }
        guard (8...32).contains(scalars.count) else { throw refuse("it has \(scalars.count) characters") }
        let kinds = [
            scalars.contains { $0.properties.isAlphabetic },
            scalars.contains { ("0"..."9").contains($0) },
            scalars.contains { !$0.properties.isAlphabetic && !("0"..."9").contains($0) },
        ]
        guard kinds.filter({ $0 }).count >= 2 else { throw refuse("it uses only one kind of character") }
    }
}
