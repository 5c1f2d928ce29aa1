/// One side of a replication: region, instance, namespace, repository and tag, each when known.
/// A rule's side names a namespace or repository only for the narrower scopes; a task's names a tag.
public struct ReplicaLocation: Sendable, Hashable, CustomStringConvertible {
    public var region: String?
    /// The server's id of the instance (`cri-…`).
    public var instanceID: String?
    public var namespace: String?
    public var repository: String?
    public var tag: String?

    /// Creates a location; empty strings count as absent.
    public init(
        region: String? = nil, instanceID: String? = nil, namespace: String? = nil, repository: String? = nil,
        tag: String? = nil
    ) {
        self.region = region.nonEmpty
        self.instanceID = instanceID.nonEmpty
        self.namespace = namespace.nonEmpty
        self.repository = repository.nonEmpty
        self.tag = tag.nonEmpty
    }

    /// `NAMESPACE/REPOSITORY` when both are known.
    public var repositoryPath: String? {
        guard let namespace, let repository else { return nil }
        return "\(namespace)/\(repository)"
    }

    /// `region/instance/namespace/repository:tag`, leaving out what is unknown; `*` for a whole
    /// instance or namespace.
    public var description: String {
        var parts = [region, instanceID].compactMap { $0 }
        parts.append(namespace ?? "*")
        if namespace != nil { parts.append(repository ?? "*") }
        return parts.joined(separator: "/") + (tag.map { ":\($0)" } ?? "")
    }
}

extension String? {
    /// Nil for nil or the empty string, which ACR sends for "none".
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
