/// Namespaces and repositories as server objects: create, update, delete.
extension ACRProvider {
    /// Up to 120 characters, separators `_ - .`.
    public var namespaceNameRule: NameRule { NameRule(maximum: 120, separators: "_-.") }

    /// The part after the namespace: up to 64 characters, separators `_ - . /`.
    public var repositoryNameRule: NameRule { NameRule(maximum: 64, separators: "_-./") }

    public func createNamespace(_ name: String, settings: NamespaceSettings) async throws {
        try instance.requireWritable(to: "create namespaces")
        try await client.perform(.createNamespace, namespaceParameters(name, settings))
    }

    public func updateNamespace(_ name: String, settings: NamespaceSettings) async throws {
        try instance.requireWritable(to: "edit namespaces")
        try await client.perform(.updateNamespace, namespaceParameters(name, settings))
    }

    public func deleteNamespace(_ name: String) async throws {
        try instance.requireWritable(to: "delete namespaces")
        try await client.perform(.deleteNamespace, ["InstanceId": instanceID, "NamespaceName": name])
    }

    public func createRepository(_ repository: String, settings: RepositorySettings) async throws {
        try instance.requireWritable(to: "create repositories")
        let (namespace, name) = try Self.split(repository)
        var parameters = repositoryParameters(settings)
        parameters["RepoNamespaceName"] = namespace
        parameters["RepoName"] = name
        _ = try await client.call(.createRepository, parameters) as ACRCreated
    }

    /// Sends every field: ACR requires the visibility and summary on each update.
    public func updateRepository(_ repository: String, settings: RepositorySettings) async throws {
        try instance.requireWritable(to: "edit repositories")
        var parameters = repositoryParameters(settings)
        parameters["RepoId"] = try await repositoryID(repository)
        try await client.perform(.updateRepository, parameters)
    }

    public func deleteRepository(_ repository: String) async throws {
        try instance.requireWritable(to: "delete repositories")
        let repoID = try await repositoryID(repository)
        try await client.perform(.deleteRepository, ["InstanceId": instanceID, "RepoId": repoID])
        await repositoryIDs.forget(repository)
    }

    private func namespaceParameters(_ name: String, _ settings: NamespaceSettings) -> ACRParameters {
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "NamespaceName": name, "DefaultRepoType": settings.defaultVisibility.rawValue,
        ]
        parameters.set("AutoCreateRepo", settings.autoCreateRepositories)
        return parameters
    }

    private func repositoryParameters(_ settings: RepositorySettings) -> ACRParameters {
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "RepoType": settings.visibility.rawValue, "Summary": settings.summary,
            "Detail": settings.detail.isEmpty ? nil : settings.detail,
        ]
        parameters.set("TagImmutability", settings.tagImmutability)
        return parameters
    }
}
