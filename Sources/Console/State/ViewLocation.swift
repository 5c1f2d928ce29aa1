/// Where the user is: an instance and, deeper, a namespace, repository and tag. Saved per instance
/// so the next start opens the same view.
public struct ViewLocation: Codable, Sendable, Equatable {
    public var instance: String?
    public var namespace: String?
    public var repository: String?
    public var tag: String?

    public init(instance: String? = nil, namespace: String? = nil, repository: String? = nil, tag: String? = nil) {
        self.instance = instance
        self.namespace = namespace
        self.repository = repository
        self.tag = tag
    }
}
