import RegistryClient

/// Namespace and repository names per instance, for completing `:` command arguments. An
/// instance's names are read in the background the first time they are asked for (at most
/// `limit` repositories); until then completion offers what is known.
@MainActor
final class NameIndex {
    private struct Names {
        var namespaces: [String] = []
        var repositories: [String] = []
    }

    private let session: RegistrySession
    private let limit: Int
    private var names: [String: Names] = [:]
    private var loads: [String: Task<Void, Never>] = [:]
    /// Runs when names arrive (redraw the suggestion).
    var onChange: () -> Void = {}

    init(session: RegistrySession, limit: Int = 10_000) {
        self.session = session
        self.limit = limit
    }

    /// The namespaces of an instance known so far; asks for them on first use.
    func namespaces(of instance: String) -> [String] {
        load(instance)
        return names[instance]?.namespaces ?? []
    }

    /// The repositories of an instance known so far; asks for them on first use.
    func repositories(of instance: String) -> [String] {
        load(instance)
        return names[instance]?.repositories ?? []
    }

    /// Forgets an instance's names (its namespaces or repositories changed).
    func invalidate(_ instance: String) {
        loads[instance]?.cancel()
        loads[instance] = nil
        names[instance] = nil
    }

    /// Waits for the loads under way (tests).
    func settle() async {
        for load in loads.values { await load.value }
    }

    private func load(_ instance: String) {
        guard loads[instance] == nil else { return }
        let (session, limit) = (session, limit)
        loads[instance] = Task { [weak self] in
            var found = Names()
            guard let provider = try? await session.provider(for: instance) else { return }
            do {
                for try await page in provider.repositories(namespace: nil) {
                    found.repositories += page.map(\.name)
                    if found.repositories.count >= limit { break }
                }
            } catch {}
            found.namespaces = Set(found.repositories.map(Namespace.of(repository:))).filter { !$0.isEmpty }.sorted()
            guard let self, !Task.isCancelled else { return }
            self.names[instance] = found
            self.onChange()
        }
    }
}
