import RegistryClient

/// The namespace or repository a management command names, on a provider that manages them as
/// server objects (ACR); registries whose namespaces and repositories appear with the first push
/// get a usage error.
enum ManagedTarget {
    /// `INSTANCE/NAMESPACE`.
    static func namespace(_ text: String, context: CLIContext) async throws -> (any NamespaceManaging, String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw UsageError(description: "'\(text)' is not INSTANCE/NAMESPACE")
        }
        let provider = try await context.session.provider(for: parts[0])
        guard let manager = provider as? any NamespaceManaging else { throw unsupported(provider, "namespaces") }
        return (manager, parts[1])
    }

    /// `INSTANCE/NAMESPACE/NAME`.
    static func repository(_ text: String, context: CLIContext) async throws -> (any RepositoryManaging, String) {
        let (provider, reference) = try await context.repository(text)
        guard let manager = provider as? any RepositoryManaging else { throw unsupported(provider, "repositories") }
        guard reference.repository.contains("/") else {
            throw UsageError(description: "'\(text)' is not INSTANCE/NAMESPACE/NAME")
        }
        return (manager, reference.repository)
    }

    private static func unsupported(_ provider: any RegistryProvider, _ what: String) -> UsageError {
        UsageError(
            description:
                "\(provider.instance.name) is a \(provider.instance.kind.rawValue) registry: its \(what) appear with the first push and cannot be managed here"
        )
    }
}
