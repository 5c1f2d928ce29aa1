import Foundation

/// A delivery chain: the steps an image goes through after a push (build, push, scan with a deny
/// policy, replication, trigger), over a namespace or repository.
public struct DeliveryChain: Sendable, Hashable, Identifiable {
    /// The server's id (`chi-…`).
    public var id: String
    public var name: String
    public var description: String?
    /// `REPOSITORY` or `NAMESPACE`, and the server's id of that scope.
    public var scopeType: String?
    public var scopeID: String?
    /// The namespace and repository the chain covers, when known.
    public var namespace: String?
    public var repository: String?
    /// Repositories skipped within the scope.
    public var excluded: [String]
    public var created: Date?
    public var modified: Date?
    /// The steps in pipeline order; nil until the chain's configuration is read.
    public var nodes: [ChainNode]?
    /// The configuration's version and whether it is active, when read.
    public var version: String?
    public var isActive: Bool?

    /// Creates a chain.
    public init(
        id: String, name: String, description: String? = nil, scopeType: String? = nil, scopeID: String? = nil,
        namespace: String? = nil, repository: String? = nil, excluded: [String] = [], created: Date? = nil,
        modified: Date? = nil, nodes: [ChainNode]? = nil, version: String? = nil, isActive: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.scopeType = scopeType
        self.scopeID = scopeID
        self.namespace = namespace
        self.repository = repository
        self.excluded = excluded
        self.created = created
        self.modified = modified
        self.nodes = nodes
        self.version = version
        self.isActive = isActive
    }

    /// The enabled steps as one line: `build → push → scan(MEDIUM≥1 BLOCK_DELETE_TAG) → …`.
    public var pipelineText: String? {
        nodes.map { $0.filter(\.enabled).map(\.summary).joined(separator: " → ") }
    }
}
