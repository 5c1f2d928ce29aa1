/// What running a sync rule by hand copies: one task per tag of every repository the rule covers
/// whose name matches its tag filter (or only the tag asked for), capped so a rule over a whole
/// instance cannot start tens of thousands of copies by accident.
public struct SyncRunPlan: Sendable {
    /// One copy to start.
    public struct Item: Sendable, Hashable {
        /// `NAMESPACE/NAME`.
        public var repository: String
        public var tag: String
    }

    public var rule: SyncRule
    public var items: [Item]
    /// More tags matched than `limit`; only the first are planned.
    public var truncated: Bool

    /// Lists the covered repositories and their matching tags. `tag` narrows the plan to one tag
    /// (which must match the filter). Repositories are read in name order, tags as listed.
    public static func make(
        rule: SyncRule, tag: String? = nil, on provider: any RegistryProvider, limit: Int = 500
    ) async throws -> SyncRunPlan {
        if let tag, !rule.matches(tag: tag) {
            throw RegistryError(
                .invalidReference, "tag '\(tag)' does not match rule \(rule.name)'s tag filter \(rule.tagFilter)",
                hint: "pick a tag the filter matches, or sync it one-off to the target")
        }
        let repositories: [String]
        if rule.scope == .repository, let path = rule.source.repositoryPath {
            repositories = [path]
        } else {
            let listed = try await provider.repositories(
                namespace: rule.scope == .namespace ? rule.source.namespace : nil
            )
            .collect()
            repositories = listed.map(\.name).filter { rule.covers(repository: $0) }.sorted()
        }
        let matches = rule.tagMatcher()
        var items: [Item] = []
        for repository in repositories {
            if let tag {
                if try await provider.currentDigest(repository: repository, tag: tag) != nil {
                    items.append(Item(repository: repository, tag: tag))
                }
            } else {
                for try await page in provider.tags(repository: repository) {
                    items += page.map(\.name).filter(matches).map {
                        Item(repository: repository, tag: $0)
                    }
                    if items.count > limit { break }
                }
            }
            if items.count > limit { break }
        }
        return SyncRunPlan(rule: rule, items: Array(items.prefix(limit)), truncated: items.count > limit)
    }
}
