/// A provider whose repositories can be created, edited and deleted explicitly (ACR).
public protocol RepositoryManaging: RegistryProvider {
    /// What the namespace of a new repository may be named.
    var namespaceNameRule: NameRule { get }
    /// What a repository may be named within its namespace.
    var repositoryNameRule: NameRule { get }
    /// Creates `namespace/name`.
    func createRepository(_ repository: String, settings: RepositorySettings) async throws
    /// Replaces a repository's settings.
    func updateRepository(_ repository: String, settings: RepositorySettings) async throws
    /// Deletes a repository and every tag in it.
    func deleteRepository(_ repository: String) async throws
}

/// A repository's editable facts.
public struct RepositorySettings: Sendable, Equatable {
    /// One line shown in lists.
    public var summary: String
    public var visibility: RepositoryVisibility
    /// Whether a tag, once pushed, can never point elsewhere.
    public var tagImmutability: Bool
    /// Longer description (Markdown in ACR's console).
    public var detail: String

    /// Creates settings.
    public init(
        summary: String, visibility: RepositoryVisibility = .private, tagImmutability: Bool = false, detail: String = ""
    ) {
        self.summary = summary
        self.visibility = visibility
        self.tagImmutability = tagImmutability
        self.detail = detail
    }

    /// The settings a listed repository carries.
    public init(_ repository: Repository) {
        self.init(
            summary: repository.summary ?? "", visibility: repository.visibility ?? .private,
            tagImmutability: repository.tagImmutability ?? false)
    }
}
