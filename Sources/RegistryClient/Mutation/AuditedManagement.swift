/// Creating, editing and deleting namespaces and repositories (ACR), each change between audit
/// entries: what the console and the CLI both run.
public struct AuditedManagement: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Creates a namespace (`isNew`) or replaces its settings.
    public func saveNamespace(
        _ name: String, settings: NamespaceSettings, isNew: Bool, on provider: any NamespaceManaging
    ) async throws {
        let detail =
            "\(name): default \(settings.defaultVisibility.rawValue), auto-create \(settings.autoCreateRepositories)"
        try await audit.recording(
            isNew ? "namespace-create" : "namespace-update", instance: provider.instance.name, detail: detail
        ) {
            if isNew {
                try await provider.createNamespace(name, settings: settings)
            } else {
                try await provider.updateNamespace(name, settings: settings)
            }
        }
    }

    /// Deletes a namespace and every repository in it.
    public func deleteNamespace(_ name: String, on provider: any NamespaceManaging) async throws {
        try await audit.recording(
            "namespace-delete", instance: provider.instance.name, detail: "\(name) and every repository in it"
        ) {
            try await provider.deleteNamespace(name)
        }
    }

    /// Creates a repository (`isNew`) or replaces its settings.
    public func saveRepository(
        _ repository: String, settings: RepositorySettings, isNew: Bool, on provider: any RepositoryManaging
    ) async throws {
        let detail =
            "\(settings.visibility.rawValue), immutable tags \(settings.tagImmutability), summary \(settings.summary)"
        try await audit.recording(
            isNew ? "repository-create" : "repository-update", instance: provider.instance.name, repository: repository,
            detail: detail
        ) {
            if isNew {
                try await provider.createRepository(repository, settings: settings)
            } else {
                try await provider.updateRepository(repository, settings: settings)
            }
        }
    }

    /// Deletes a repository and every tag in it.
    public func deleteRepository(_ repository: String, on provider: any RepositoryManaging) async throws {
        try await audit.recording(
            "repository-delete", instance: provider.instance.name, repository: repository, detail: "every tag"
        ) {
            try await provider.deleteRepository(repository)
        }
    }
}
