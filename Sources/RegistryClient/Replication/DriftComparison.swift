/// The tag drift between two repositories, on any two providers (an ACR instance and a plain
/// registry alike): every tag's digest on each side, compared by `TagDrift.compare`.
public struct DriftComparison: Sendable {
    /// One row per tag on either side, missing first (see `TagDrift.compare`).
    public var rows: [TagDrift]
    /// Whether a side held more than the limit of tags, so some tags were not compared.
    public var truncated: Bool
    /// Whether the target repository does not exist (every source tag is then missing).
    public var targetMissing: Bool

    /// Creates a comparison.
    public init(rows: [TagDrift], truncated: Bool = false, targetMissing: Bool = false) {
        self.rows = rows
        self.truncated = truncated
        self.targetMissing = targetMissing
    }

    /// How many rows are in `state`.
    public func count(_ state: TagDrift.State) -> Int {
        rows.count { $0.state == state }
    }

    /// Reads up to `limit` tags of each repository with their digests, tags listed without one
    /// resolved with `HEAD`, `concurrency` at a time. A tag deleted meanwhile is left out; one
    /// whose digest cannot be read is compared without it.
    /// - Throws: `RegistryError` when a side cannot be read: `.notFound` when the source
    ///   repository does not exist (a missing target is an empty one).
    public static func load(
        source: (provider: any RegistryProvider, repository: String),
        target: (provider: any RegistryProvider, repository: String), limit: Int = 5000, concurrency: Int = 8
    ) async throws -> DriftComparison {
        async let sourceSide = tags(of: source, limit: limit, concurrency: concurrency)
        async let targetSide = tags(of: target, limit: limit, concurrency: concurrency)
        let sourceTags = try await sourceSide
        let targetTags: (tags: [Tag], truncated: Bool)?
        do {
            targetTags = try await targetSide
        } catch let error as RegistryError where error.code == .notFound {
            targetTags = nil
        }
        return DriftComparison(
            rows: TagDrift.compare(source: sourceTags.tags, target: targetTags?.tags ?? []),
            truncated: sourceTags.truncated || targetTags?.truncated == true, targetMissing: targetTags == nil)
    }

    /// A repository's first `limit` tags, each with details carrying at least its digest when it
    /// can be read.
    private static func tags(
        of side: (provider: any RegistryProvider, repository: String), limit: Int, concurrency: Int
    ) async throws -> (tags: [Tag], truncated: Bool) {
        let (provider, repository) = side
        let listed = try await provider.tags(repository: repository).collect(limit: limit)
        let resolved = try await BoundedConcurrency.map(listed.items, limit: concurrency) { tag -> Tag? in
            guard tag.details == nil else { return tag }
            do {
                guard let digest = try await provider.currentDigest(repository: repository, tag: tag.name) else {
                    return nil
                }
                let details = TagDetails(digest: digest, mediaType: "", size: nil, created: nil, platforms: [])
                return Tag(name: tag.name, details: details)
            } catch let error as RegistryError where error.concernsOneTag {
                return tag
            }
        }
        return (resolved.compactMap { $0 }, listed.truncated)
    }
}
