import Foundation

/// The tags lifecycle rules are planned over: every repository in scope with each tag's digest,
/// creation time and blobs. `load` reads them from a provider; tests and benchmarks build it.
public struct LifecycleInventory: Sendable {
    /// One tag as the engine sees it.
    public struct TagFacts: Sendable, Equatable {
        public var name: String
        /// Nil when the tag could not be read (`problem` says why).
        public var digest: Digest?
        public var created: Date?
        public var blobs: [Blob]
        public var problem: String?

        /// Creates facts about a tag.
        public init(name: String, digest: Digest?, created: Date?, blobs: [Blob] = [], problem: String? = nil) {
            self.name = name
            self.digest = digest
            self.created = created
            self.blobs = blobs
            self.problem = problem
        }
    }

    /// Tags by repository.
    public var repositories: [String: [TagFacts]]

    /// Creates an inventory.
    public init(repositories: [String: [TagFacts]]) {
        self.repositories = repositories
    }

    /// How many tags there are.
    public var tagCount: Int { repositories.values.reduce(0) { $0 + $1.count } }

    /// Reads the repositories in `scope` that `rules` cover and the details of their tags,
    /// `concurrency` requests at a time; `progress` gets (tags read, tags found) as it goes.
    public static func load(
        provider: any RegistryProvider, rules: [LifecycleRule], scope: LifecycleRule.Scope, concurrency: Int = 16,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> LifecycleInventory {
        var names: [String]
        switch scope {
        case .instance: names = try await provider.repositories(namespace: nil).collect().map(\.name)
        case .namespace(let namespace):
            names = try await provider.repositories(namespace: namespace).collect().map(\.name)
        case .repository(let repository): names = [repository]
        }
        names = names.filter { name in rules.contains { $0.covers(repository: name) } }
        var tagsByRepository: [(String, [Tag])] = []
        for name in names { tagsByRepository.append((name, try await provider.tags(repository: name).collect())) }
        let total = tagsByRepository.reduce(0) { $0 + $1.1.count }
        let counter = ProgressCounter()
        var repositories: [String: [TagFacts]] = [:]
        for (name, tags) in tagsByRepository {
            repositories[name] = try await BoundedConcurrency.map(tags, limit: concurrency) { tag in
                defer { progress(counter.increment(), total) }
                if tag.isReferrersTag { return TagFacts(name: tag.name, digest: nil, created: nil) }
                do {
                    var details = tag.details
                    if details == nil { details = try await provider.tagDetails(repository: name, tag: tag.name) }
                    guard let details else { return TagFacts(name: tag.name, digest: nil, created: nil) }
                    return TagFacts(
                        name: tag.name, digest: details.digest, created: details.created, blobs: Self.blobs(of: details)
                    )
                } catch let error as RegistryError where error.concernsOneTag {
                    // One broken, vanished or unnameable tag is kept and reported; an unreachable registry fails the plan.
                    return TagFacts(name: tag.name, digest: nil, created: nil, problem: error.message)
                }
            }
        }
        return LifecycleInventory(repositories: repositories)
    }
}

extension LifecycleInventory {
    /// The blobs deleting the manifest can free; a provider that lists only the image's size (ACR)
    /// counts it as one blob, an upper bound since layers shared between images count once each.
    static func blobs(of details: TagDetails) -> [Blob] {
        guard details.blobs.isEmpty, let size = details.size else { return details.blobs }
        return [Blob(digest: details.digest, size: size)]
    }
}
