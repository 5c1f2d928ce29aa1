/// A Harbor tag immutability rule of a project: tags its tag selector picks, in repositories its
/// repository selector picks, can be neither deleted nor pushed over (Harbor answers 412).
public struct HarborImmutableRule: Sendable, Equatable, Identifiable {
    /// Harbor's id; nil before it is created.
    public var id: Int?
    public var tags: HarborRetentionRule.Selector
    public var repositories: HarborRetentionRule.Selector
    public var disabled: Bool

    /// Creates a rule.
    public init(
        id: Int? = nil, tags: HarborRetentionRule.Selector, repositories: HarborRetentionRule.Selector = .init(),
        disabled: Bool = false
    ) {
        self.id = id
        self.tags = tags
        self.repositories = repositories
        self.disabled = disabled
    }

    /// The rule in words: "tags matching v* in repositories matching **".
    public var summary: String {
        "tags \(HarborRetentionRule.words(tags, matching: "matching", excluding: "excluding")) in repositories "
            + HarborRetentionRule.words(repositories, matching: "matching", excluding: "excluding")
            + (disabled ? " (disabled)" : "")
    }
}
