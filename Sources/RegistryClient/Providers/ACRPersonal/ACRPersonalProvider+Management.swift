/// Namespaces and repositories as server objects: create, update, delete.
extension ACRPersonalProvider {
    /// 2 to 30 characters (the minimum is the server's to enforce), separators `_ -`.
    public var namespaceNameRule: NameRule { NameRule(maximum: 30, separators: "_-") }

    /// Up to 64 characters, separators `_ -`; no `/`: Personal Edition names have one segment.
    public var repositoryNameRule: NameRule { NameRule(maximum: 64, separators: "_-") }

    /// Creates the namespace, then sets what the API's create call cannot.
    public func createNamespace(_ name: String, settings: NamespaceSettings) async throws {
        try instance.requireWritable(to: "create namespaces")
        try await client.perform(
            try ACRPersonalRequest(
                "CreateNamespace", .put, path: ["namespace"], wrapper: "Namespace", fields: ["Namespace": name]))
        try await updateSettings(name, settings)
    }

    public func updateNamespace(_ name: String, settings: NamespaceSettings) async throws {
        try instance.requireWritable(to: "edit namespaces")
        try await updateSettings(name, settings)
    }

    public func deleteNamespace(_ name: String) async throws {
        try instance.requireWritable(to: "delete namespaces")
        try await client.perform(ACRPersonalRequest("DeleteNamespace", .delete, path: ["namespace", name]))
    }

    public func createRepository(_ repository: String, settings: RepositorySettings) async throws {
        try instance.requireWritable(to: "create repositories")
        try Self.refuseImmutability(settings)
        let (namespace, name) = try ACRProvider.split(repository)
        var fields = Self.repositoryFields(settings)
        fields["RepoNamespace"] = namespace
        fields["RepoName"] = name
        try await client.perform(
            try ACRPersonalRequest("CreateRepo", .put, path: ["repos"], wrapper: "Repo", fields: fields))
    }

    public func updateRepository(_ repository: String, settings: RepositorySettings) async throws {
        try instance.requireWritable(to: "edit repositories")
        try Self.refuseImmutability(settings)
        try await client.perform(
            try ACRPersonalRequest(
                "UpdateRepo", .post, path: try Self.repositoryPath(repository), wrapper: "Repo",
                fields: Self.repositoryFields(settings)))
    }

    public func deleteRepository(_ repository: String) async throws {
        try instance.requireWritable(to: "delete repositories")
        try await client.perform(ACRPersonalRequest("DeleteRepo", .delete, path: try Self.repositoryPath(repository)))
    }

    private func updateSettings(_ name: String, _ settings: NamespaceSettings) async throws {
        try await client.perform(
            try ACRPersonalRequest(
                "UpdateNamespace", .post, path: ["namespace", name], wrapper: "Namespace",
                fields: [
                    "AutoCreate": settings.autoCreateRepositories,
                    "DefaultVisibility": settings.defaultVisibility.rawValue,
                ]))
    }

    private static func repositoryFields(_ settings: RepositorySettings) -> [String: any Sendable] {
        ["Summary": settings.summary, "Detail": settings.detail, "RepoType": settings.visibility.rawValue]
    }

    private static func refuseImmutability(_ settings: RepositorySettings) throws {
        guard !settings.tagImmutability else {
            throw RegistryError(
                .unsupported, "ACR Personal Edition has no tag immutability",
                hint: "leave it off, or move the repository to an Enterprise instance")
        }
    }
}
