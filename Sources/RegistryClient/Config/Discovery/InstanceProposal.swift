/// One `[[instances]]` entry `config init` proposes, with where it was found.
public struct InstanceProposal: Sendable, Equatable {
    /// The entry to write; its name is a suggestion until `InstanceNamer` makes the names unique.
    public var entry: InstanceConfig
    /// Where it was found (`/home/me/.docker/config.json`, `aliyun CLI profile 'work'`).
    public var origin: String
    /// Where regconsole finds its credentials at run time; never a secret.
    public var credentials: String
    /// What else to know about it, written as comments above the entry.
    public var notes: [String]

    /// Creates a proposal.
    public init(entry: InstanceConfig, origin: String, credentials: String, notes: [String] = []) {
        self.entry = entry
        self.origin = origin
        self.credentials = credentials
        self.notes = notes
    }

    /// `https://host:port` for a registry, `acr cn-hangzhou (personal)` for ACR: what it points at.
    public var target: String {
        if let url = entry.url { return url.absoluteString }
        var parts = [entry.region ?? "?"]
        if entry.edition == .personal { parts.append("personal") }
        if let id = entry.instanceID { parts.append(id) }
        return parts.joined(separator: " ")
    }
}
