/// A namespace: the first path segment of repository names (ACR namespaces, Harbor projects).
public struct Namespace: Hashable, Sendable, Identifiable {
    /// The instance it belongs to.
    public var instance: String
    /// The name; empty for repositories whose names have a single segment.
    public var name: String
    /// How many repositories it holds, when known.
    public var repositoryCount: Int?
    /// Provider-specific facts (ACR visibility, auto-create…).
    public var attributes: [String: String]

    /// Creates a namespace.
    public init(instance: String, name: String, repositoryCount: Int? = nil, attributes: [String: String] = [:]) {
        self.instance = instance
        self.name = name
        self.repositoryCount = repositoryCount
        self.attributes = attributes
    }

    public var id: String { name }

    /// The namespace of a repository name: everything before the first `/`, or empty.
    public static func of(repository name: String) -> String {
        name.firstIndex(of: "/").map { String(name[..<$0]) } ?? ""
    }
}
