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

    /// Whether `name` is a valid tag: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 128, first.isASCII, first.isLetter || first.isNumber || first == "_"
        else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
