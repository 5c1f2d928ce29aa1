/// One entry of an endpoint's access list: an IPv4 address or CIDR block allowed in, and why.
public struct ACLEntry: Sendable, Hashable, Identifiable {
    /// `203.0.113.7/32`, `10.0.0.0/8`.
    public var entry: String
    public var comment: String?

    /// Creates an entry.
    public init(entry: String, comment: String? = nil) {
        self.entry = entry
        self.comment = comment
    }

    public var id: String { entry }
}
