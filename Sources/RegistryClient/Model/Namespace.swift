/// A namespace: the first path segment of repository names (ACR namespaces, Harbor projects).
public struct Namespace: Hashable, Sendable, Identifiable {
    /// The instance it belongs to.
    public var instance: String
    /// The name; empty for repositories whose names have a single segment.
    public var name: String
    /// How many repositories it holds, when known.
    public var repositoryCount: Int?
    /// The visibility of repositories a push creates, when namespaces are server objects.
    public var visibility: RepositoryVisibility?
    /// Whether a push to a missing repository creates it, when namespaces are server objects.
    public var autoCreateRepositories: Bool?
    /// The server's own id of the namespace (ACR `crn-…`), when it has one.
    public var serverID: String?
    /// The server's lifecycle state (ACR `NORMAL`…), when it reports one.
    public var state: String?
    /// Bytes stored, when the server counts them (Harbor's project quota).
    public var storageUsed: Int64?
    /// The storage quota in bytes, nil when unlimited or unknown.
    public var storageLimit: Int64?

    /// Creates a namespace.
    public init(
        instance: String, name: String, repositoryCount: Int? = nil, visibility: RepositoryVisibility? = nil,
        autoCreateRepositories: Bool? = nil, serverID: String? = nil, state: String? = nil
    ) {
        self.instance = instance
        self.name = name
        self.repositoryCount = repositoryCount
        self.visibility = visibility
        self.autoCreateRepositories = autoCreateRepositories
        self.serverID = serverID
        self.state = state
    }

    public var id: String { name }

    /// The namespace of a repository name: everything before the first `/`, or empty.
    public static func of(repository name: String) -> String {
        name.firstIndex(of: "/").map { String(name[..<$0]) } ?? ""
    }
}
