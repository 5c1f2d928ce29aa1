import Foundation

extension RegistryProvider {
    /// The repository's most recently created tag, or nil when it has none.
    ///
    /// Providers that list tags with their dates (ACR) answer from the list. Plain registries do
    /// not: up to `readAllBelow` tags, every tag's details are read; beyond that (two requests per
    /// tag) the candidates are the eight highest versions, the last eight names and `latest`, and
    /// the newest of those by `created` wins.
    public func newestTag(repository: String, readAllBelow: Int = 64) async throws -> Tag? {
        var all: [Tag] = []
        for try await page in tags(repository: repository) { all += page.filter { !$0.isReferrersTag } }
        guard !all.isEmpty else { return nil }
        if all.allSatisfy({ $0.details?.created != nil }) { return TagOrder.created.sorted(all).first }
        var candidates = all
        if all.count > readAllBelow {
            let versions = TagOrder.semver.sorted(all).filter { SemanticVersion($0.name) != nil }.suffix(8)
            let names = TagOrder.name.sorted(all).suffix(8)
            candidates = Array(Set(versions + names + all.filter { $0.name == "latest" }))
        }
        let detailed = try await BoundedConcurrency.map(candidates, limit: 8) { tag in
            tag.details != nil
                ? tag : Tag(name: tag.name, details: try await self.tagDetails(repository: repository, tag: tag.name))
        }
        return TagOrder.created.sorted(detailed).first
    }
}
