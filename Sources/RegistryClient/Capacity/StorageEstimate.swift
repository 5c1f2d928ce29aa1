/// The storage view of one instance, computed by regconsole from tag details: bytes per repository
/// and per namespace, blobs shared between tags counted once where the manifests list them.
///
/// Registries bill and garbage-collect on their own terms, so this is what the tags reference,
/// not what the registry's disk or invoice holds.
public struct StorageEstimate: Sendable {
    /// One row per repository, by name.
    public var repositories: [RepositoryStorage]
    /// One row per namespace, by name.
    public var namespaces: [NamespaceStorage]
    /// Whether a cap left repositories or tags out, so the figures are lower bounds.
    public var truncated: Bool

    /// Computes the view from every repository's tags (with details where known).
    public init(tags: [String: [Tag]], truncated: Bool = false) {
        var tallies: [String: [String: StorageTally]] = [:]
        for (repository, repositoryTags) in tags {
            var tally = StorageTally()
            for tag in repositoryTags { tally.add(tag) }
            tallies[Namespace.of(repository: repository), default: [:]][repository] = tally
        }
        repositories = StorageOrder.name.sorted(
            tallies.values.flatMap { $0 }.map { repository, tally in
                RepositoryStorage(
                    repository: repository, bytes: tally.bytes, tagCount: tally.tagCount,
                    unknownTags: tally.unknownTags, estimated: tally.estimated)
            })
        namespaces = StorageOrder.name.sorted(
            tallies.map { namespace, repositories in
                var tally = StorageTally()
                for repositoryTally in repositories.values { tally.merge(repositoryTally) }
                return NamespaceStorage(
                    namespace: namespace, repositoryCount: repositories.count, bytes: tally.bytes,
                    tagCount: tally.tagCount, unknownTags: tally.unknownTags, estimated: tally.estimated)
            })
        self.truncated = truncated
    }
}
