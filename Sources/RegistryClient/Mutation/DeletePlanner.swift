/// Computes a `DeletePlan` for tags and digests in one repository. On a distribution registry a
/// digest can only be deleted whole, taking every tag on it, so a tag whose digest another tag
/// shares (and that tag is not being deleted too) is refused, naming the other tag.
public struct DeletePlanner: Sendable {
    private let provider: any RegistryProvider
    private let concurrency: Int

    /// Creates a planner resolving tag digests `concurrency` at a time.
    public init(provider: any RegistryProvider, concurrency: Int = 16) {
        self.provider = provider
        self.concurrency = concurrency
    }

    /// Plans the deletion of `targets` in `repository`.
    public func plan(repository: String, targets: [DeleteTarget]) async throws -> DeletePlan {
        let tagNames = try await provider.tags(repository: repository).collect().map(\.name)
        let digests = try await BoundedConcurrency.map(tagNames, limit: concurrency) { [provider] tag in
            try await provider.currentDigest(repository: repository, tag: tag)
        }
        var digestOfTag: [String: Digest] = [:]
        for (tag, digest) in zip(tagNames, digests) { digestOfTag[tag] = digest }

        var items: [DeletePlan.Item] = []
        var requestedTags: [Digest: [String]] = [:]
        var explicitDigests: [Digest] = []
        for target in targets {
            switch target {
            case .tag(let tag):
                guard let digest = digestOfTag[tag] else {
                    items.append(
                        .init(
                            repository: repository, digest: nil, requested: [tag], tagsRemoved: [], expected: [:],
                            decision: .refuse(.tagMissing(tag))))
                    continue
                }
                if !(requestedTags[digest]?.contains(tag) ?? false) { requestedTags[digest, default: []].append(tag) }
            case .digest(let digest):
                if !explicitDigests.contains(digest) { explicitDigests.append(digest) }
            }
        }

        var order: [Digest] = explicitDigests
        for target in targets {
            if case .tag(let tag) = target, let digest = digestOfTag[tag], !order.contains(digest) {
                order.append(digest)
            }
        }
        for digest in order {
            let onDigest = tagNames.filter { digestOfTag[$0] == digest }.sorted()
            let requested = requestedTags[digest] ?? []
            var expected: [String: Digest] = [:]
            for tag in requested { expected[tag] = digest }
            if explicitDigests.contains(digest) {
                var exists = !onDigest.isEmpty
                if !exists {
                    exists = try await provider.currentDigest(repository: repository, tag: digest.description) != nil
                }
                items.append(
                    .init(
                        repository: repository, digest: digest, requested: [digest.description] + requested,
                        tagsRemoved: onDigest, expected: expected,
                        decision: exists ? .delete : .refuse(.digestMissing(digest, repository: repository))))
                continue
            }
            let siblings = onDigest.filter { !requested.contains($0) }
            let decision: DeletePlan.Item.Decision =
                siblings.isEmpty
                ? .delete
                : .refuse(.sharedDigest(requested: requested, digest: digest, others: siblings))
            items.append(
                .init(
                    repository: repository, digest: digest, requested: requested, tagsRemoved: onDigest,
                    expected: expected, decision: decision))
        }
        return DeletePlan(instance: provider.instance, repository: repository, knownTags: Set(tagNames), items: items)
    }
}
