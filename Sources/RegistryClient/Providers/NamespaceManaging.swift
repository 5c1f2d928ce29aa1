/// A provider whose namespaces are server objects that can be created, edited and deleted (ACR).
public protocol NamespaceManaging: RegistryProvider {
    /// What a namespace may be named.
    var namespaceNameRule: NameRule { get }
    /// Creates a namespace.
    func createNamespace(_ name: String, settings: NamespaceSettings) async throws
    /// Replaces a namespace's settings.
    func updateNamespace(_ name: String, settings: NamespaceSettings) async throws
    /// Deletes a namespace and every repository in it.
    func deleteNamespace(_ name: String) async throws
}

/// What a namespace decides for the repositories in it.
public struct NamespaceSettings: Sendable, Equatable {
    /// Whether a push to a missing repository creates it.
    public var autoCreateRepositories: Bool
    /// The visibility of repositories created by a push.
    public var defaultVisibility: RepositoryVisibility

    /// Creates settings.
    public init(autoCreateRepositories: Bool = true, defaultVisibility: RepositoryVisibility = .private) {
        self.autoCreateRepositories = autoCreateRepositories
        self.defaultVisibility = defaultVisibility
    }

    /// The settings a listed namespace carries (no auto-create and private where it reports none).
    public init(_ namespace: Namespace) {
        self.init(
            autoCreateRepositories: namespace.autoCreateRepositories ?? false,
            defaultVisibility: namespace.visibility ?? .private)
    }
}

/// Who may pull from a repository without credentials.
public enum RepositoryVisibility: String, Sendable, CaseIterable {
    case `public` = "PUBLIC"
    case `private` = "PRIVATE"
}
