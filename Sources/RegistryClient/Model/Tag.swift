/// A tag in a repository; `details` arrive later for providers that list names only.
public struct Tag: Hashable, Sendable, Identifiable {
    public var name: String
    public var details: TagDetails?

    /// Creates a tag.
    public init(name: String, details: TagDetails? = nil) {
        self.name = name
        self.details = details
    }

    public var id: String { name }

    /// Whether the tag is an OCI referrers fallback tag or a legacy cosign tag (`sha256-<hex>[.sig]`).
    public var isReferrersTag: Bool {
        guard name.hasPrefix("sha256-") else { return false }
        let hex = name.dropFirst(7).prefix(while: { $0 != "." })
        return hex.count == 64 && hex.allSatisfy(\.isHexDigit)
    }

    /// Whether the name follows the distribution grammar, so it may be sent in a request.
    public var hasValidName: Bool { Self.isValidName(name) }

    /// Whether `name` is a valid tag: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}` (ASCII only).
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 128, first != UInt8(ascii: "."), first != UInt8(ascii: "-")
        else { return false }
        return bytes.allSatisfy {
            $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
    }

    /// Throws unless `name` is a valid tag: a name outside the grammar is never sent to a registry.
    /// - Throws: `RegistryError` with code `.invalidReference`.
    public static func requireValidName(_ name: String) throws {
        guard !isValidName(name) else { return }
        throw RegistryError(
            .invalidReference, "'\(name)' is not a valid tag name; it was not requested",
            hint: "tags are 1-128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'")
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter or digit.
    var isASCIIAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    /// Whether the byte is a lowercase ASCII letter or a digit.
    var isLowercaseAlphanumeric: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
