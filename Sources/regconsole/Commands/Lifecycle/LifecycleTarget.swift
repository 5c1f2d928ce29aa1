import RegistryClient

/// What a lifecycle command works on: `INSTANCE`, `INSTANCE/NAMESPACE` or `INSTANCE/NAMESPACE/REPO`.
struct LifecycleTarget {
    let provider: any RegistryProvider
    /// The namespace, for a namespace target.
    let namespace: String?
    /// The repository's full name, for a repository target.
    let repository: String?

    /// Parses and resolves a target. One segment after the instance is a namespace, unless no
    /// repository lives under it and a repository of that name exists (`local/alpha`).
    init(_ text: String, context: CLIContext) async throws {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let first = segments.first, !first.isEmpty, !segments.dropFirst().contains(where: \.isEmpty) else {
            throw UsageError(description: "'\(text)' is not INSTANCE[/NAMESPACE[/REPO]]")
        }
        provider = try await context.session.provider(for: first)
        let rest = segments.dropFirst()
        switch rest.count {
        case 0:
            namespace = nil
            repository = nil
        case 1:
            let name = rest.first!
            let inNamespace = try await provider.repositories(namespace: name).collect()
            let isRepository = inNamespace.isEmpty ? ((try? await provider.tags(repository: name).collect())?.isEmpty == false) : false
            if isRepository {
                namespace = nil
                repository = name
            } else {
                namespace = name
                repository = nil
            }
        default:
            namespace = nil
            repository = rest.joined(separator: "/")
        }
    }

    /// The scope a rule created for this target gets.
    var scope: LifecycleRule.Scope {
        if let repository { return .repository(repository) }
        if let namespace { return .namespace(namespace) }
        return .instance
    }

    /// Whether a rule concerns this target: it covers the target, or lies within it.
    func concerns(_ rule: LifecycleRule) -> Bool {
        switch (scope, rule.scope) {
        case (.instance, _), (_, .instance): true
        case (.namespace(let mine), .namespace(let theirs)): mine == theirs
        case (.namespace(let mine), .repository(let theirs)): Namespace.of(repository: theirs) == mine
        case (.repository(let mine), _): rule.covers(repository: mine)
        }
    }

    /// Refuses mutations on a read-only instance.
    func requireWritable() throws {
        if provider.instance.readOnly {
            throw RegistryError(.readOnly, "instance '\(provider.instance.name)' is read-only", hint: "drop --read-only or read_only in its config entry to change it")
        }
    }
}
