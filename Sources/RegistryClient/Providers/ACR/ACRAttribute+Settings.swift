/// Reading the settings back from the attributes the ACR provider fills in.
extension RepositoryVisibility {
    /// The visibility a namespace or repository row carries, if any.
    public init?(attributes: [String: String]) {
        guard let value = attributes[ACRAttribute.visibility].flatMap(RepositoryVisibility.init(rawValue:)) else { return nil }
        self = value
    }
}

extension NamespaceSettings {
    /// The settings a listed namespace carries.
    public init(_ namespace: Namespace) {
        self.init(
            autoCreateRepositories: namespace.attributes[ACRAttribute.autoCreate] == "true",
            defaultVisibility: RepositoryVisibility(attributes: namespace.attributes) ?? .private)
    }
}

extension RepositorySettings {
    /// The settings a listed repository carries.
    public init(_ repository: Repository) {
        self.init(
            summary: repository.attributes[ACRAttribute.summary] ?? "", visibility: RepositoryVisibility(attributes: repository.attributes) ?? .private,
            tagImmutability: repository.attributes[ACRAttribute.tagImmutability] == "true")
    }
}
