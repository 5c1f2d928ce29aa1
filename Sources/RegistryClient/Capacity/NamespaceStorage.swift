/// The bytes one namespace holds: a blob shared by several of its repositories counts once.
public struct NamespaceStorage: Sendable, Hashable, Identifiable {
    /// The name; empty for repositories whose names have a single segment.
    public var namespace: String
    public var repositoryCount: Int
    public var bytes: Int64
    public var tagCount: Int
    /// Tags whose size is unknown: not in `bytes`.
    public var unknownTags: Int
    /// Whether `bytes` is an estimate (some repository's is).
    public var estimated: Bool

    /// Creates a row.
    public init(
        namespace: String, repositoryCount: Int, bytes: Int64, tagCount: Int, unknownTags: Int = 0,
        estimated: Bool = false
    ) {
        self.namespace = namespace
        self.repositoryCount = repositoryCount
        self.bytes = bytes
        self.tagCount = tagCount
        self.unknownTags = unknownTags
        self.estimated = estimated
    }

    public var id: String { namespace }
}
