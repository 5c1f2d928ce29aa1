extension StorageEstimate {
    /// Reads the repositories of `namespace` (all when nil), at most `maxRepositories` of them and
    /// `maxTagsPerRepository` tags each, and the details of tags listed without them, `concurrency`
    /// requests at a time per repository and four repositories at a time; `progress` gets
    /// (repositories read, repositories found) as it goes.
    ///
    /// A tag whose details cannot be read (vanished, unreadable) counts as unknown and a repository
    /// deleted meanwhile is left out; an unreachable or refusing registry fails the view.
    public static func load(
        provider: any RegistryProvider, namespace: String?, maxRepositories: Int = 2000,
        maxTagsPerRepository: Int = 5000, concurrency: Int = 8,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> StorageEstimate {
        let (repositories, repositoriesCut) = try await provider.repositories(namespace: namespace)
            .collect(limit: maxRepositories)
        let names = repositories.map(\.name)
        let counter = ProgressCounter()
        progress(0, names.count)
        let read = try await BoundedConcurrency.map(names, limit: 4) { name in
            defer { progress(counter.increment(), names.count) }
            return try await tags(of: name, provider: provider, limit: maxTagsPerRepository, concurrency: concurrency)
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
        of repository: String, provider: any RegistryProvider, limit: Int, concurrency: Int
    ) async throws -> (tags: [Tag], truncated: Bool)? {
        let listed: (items: [Tag], truncated: Bool)
        do {
            listed = try await provider.tags(repository: repository).collect(limit: limit)
        } catch let error as RegistryError where error.code == .notFound {
            return nil
        }
        let tags = try await BoundedConcurrency.map(listed.items, limit: concurrency) { tag in
            guard tag.details == nil else { return tag }
            do {
                let details = try await provider.tagDetails(repository: repository, tag: tag.name)
                return Tag(name: tag.name, details: details)
            } catch let error as RegistryError where error.concernsOneTag {
                return tag
            }
        }
        return (tags, listed.truncated)
    }
}
