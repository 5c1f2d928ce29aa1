extension StorageEstimate {
    /// Reads the repositories of `namespace` (all when nil), at most `maxRepositories` of them and
    /// `maxTagsPerRepository` tags each, and the details of tags listed without them, `concurrency`
    /// requests at a time per repository and four repositories at a time; `progress` gets
    /// (repositories read, repositories found) as it goes. With `layers`, tags listed with a size
    /// but no blob list (ACR's) get their manifest read too, once per digest, so shared layers count
    /// once instead of the figure being an estimate.
    ///
    /// A tag whose details cannot be read (vanished, unreadable) counts as unknown and a repository
    /// deleted meanwhile is left out; an unreachable or refusing registry fails the view.
    public static func load(
        provider: any RegistryProvider, namespace: String?, maxRepositories: Int = 2000,
        maxTagsPerRepository: Int = 5000, concurrency: Int = 8, layers: Bool = false,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> StorageEstimate {
        let (repositories, repositoriesCut) = try await provider.repositories(namespace: namespace)
            .collect(limit: maxRepositories)
        let names = repositories.map(\.name)
        let counter = ProgressCounter()
        progress(0, names.count)
        let read = try await BoundedConcurrency.map(names, limit: 4) { name in
            defer { progress(counter.increment(), names.count) }
            return try await tags(
                of: name, provider: provider, limit: maxTagsPerRepository, concurrency: concurrency, layers: layers)
        }
        var tagsByRepository: [String: [Tag]] = [:]
        var tagsCut = false
        for (name, listed) in zip(names, read) {
            guard let listed else { continue }
            tagsByRepository[name] = listed.tags
            tagsCut = tagsCut || listed.truncated
        }
        return StorageEstimate(tags: tagsByRepository, truncated: repositoriesCut || tagsCut)
    }

    /// A repository's first `limit` tags with their details where they can be read, or nil when the
    /// repository no longer exists.
    private static func tags(
        of repository: String, provider: any RegistryProvider, limit: Int, concurrency: Int, layers: Bool
    ) async throws -> (tags: [Tag], truncated: Bool)? {
        let listed: (items: [Tag], truncated: Bool)
        do {
            listed = try await provider.tags(repository: repository).collect(limit: limit)
        } catch let error as RegistryError where error.code == .notFound {
            return nil
        }
        // One read per manifest: tags without details by name, tags lacking blobs by digest.
        var wanted: [String] = []
        var seen: Set<String> = []
        for tag in listed.items {
            guard let reference = Self.detailReference(tag, layers: layers), seen.insert(reference).inserted else {
                continue
            }
            wanted.append(reference)
        }
        let read = try await BoundedConcurrency.map(wanted, limit: concurrency) { reference -> TagDetails? in
            do {
                return try await provider.tagDetails(repository: repository, tag: reference)
            } catch let error as RegistryError where error.concernsOneTag {
                return nil
            }
        }
        let details = Dictionary(zip(wanted, read).compactMap { key, value in value.map { (key, $0) } }) { a, _ in a }
        let tags = listed.items.map { tag in
            Self.detailReference(tag, layers: layers).flatMap { details[$0] }.map { Tag(name: tag.name, details: $0) }
                ?? tag
        }
        return (tags, listed.truncated)
    }

    /// What to read for `tag`'s details: its name when it has none, its digest when `layers` asks
    /// for the blobs it lacks, nil when its details will do.
    private static func detailReference(_ tag: Tag, layers: Bool) -> String? {
        guard let details = tag.details else { return tag.name }
        return layers && details.blobs.isEmpty ? details.digest.description : nil
    }
}
