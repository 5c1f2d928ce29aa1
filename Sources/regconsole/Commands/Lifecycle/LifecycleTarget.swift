import RegistryClient

/// What a lifecycle command works on: `INSTANCE`, `INSTANCE/NAMESPACE` or `INSTANCE/NAMESPACE/REPO`.
struct LifecycleTarget {
    let provider: any RegistryProvider
    /// The instance, a namespace, or a repository.
    let scope: LifecycleRule.Scope

    /// Parses and resolves a target. One segment after the instance is a namespace, unless no
    /// repository lives under it and a repository of that name exists (`local/alpha`).
    init(_ text: String, context: CLIContext) async throws {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let first = segments.first, !first.isEmpty, !segments.dropFirst().contains(where: \.isEmpty) else {
            throw UsageError(description: "'\(text)' is not INSTANCE[/NAMESPACE[/REPO]]")
        }
        provider = try await context.session.provider(for: first)
        let rest = Array(segments.dropFirst())
        switch rest.count {
        case 0:
            scope = .instance
        case 1:
            let name = rest[0]
            let inNamespace = try await provider.repositories(namespace: name).collect()
            let isRepository =
                inNamespace.isEmpty ? ((try? await provider.tags(repository: name).collect())?.isEmpty == false) : false
            scope = isRepository ? .repository(name) : .namespace(name)
        default:
            scope = .repository(rest.joined(separator: "/"))
        }
    }

    /// Refuses mutations on a read-only instance.
    func requireWritable() throws {
        if provider.instance.readOnly {
            throw RegistryError(
                .readOnly, "instance '\(provider.instance.name)' is read-only",
                hint: "drop --read-only or read_only in its config entry to change it")
        }
    }
}
