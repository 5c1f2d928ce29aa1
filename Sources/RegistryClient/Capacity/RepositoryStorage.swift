/// The bytes one repository holds, as regconsole computes them from its tags' blobs.
public struct RepositoryStorage: Sendable, Hashable, Identifiable {
    public var repository: String
    /// Config and layer bytes, each blob counted once however many tags share it.
    public var bytes: Int64
    public var tagCount: Int
    /// Tags whose size is unknown (their details failed to load or give no size): not in `bytes`.
    public var unknownTags: Int
    /// Whether `bytes` is an estimate: some tag was counted by its image size, without a blob list
    /// (layers it shares with other images are then counted again), or its size is unknown.
    public var estimated: Bool

    /// Creates a row.
    public init(repository: String, bytes: Int64, tagCount: Int, unknownTags: Int = 0, estimated: Bool = false) {
        self.repository = repository
        self.bytes = bytes
        self.tagCount = tagCount
        self.unknownTags = unknownTags
        self.estimated = estimated
    }

    public var id: String { repository }

    /// The namespace the repository is in (empty for a single-segment name).
    public var namespace: String { Namespace.of(repository: repository) }
}
