/// A blob a manifest references (its config or a layer): what deleting the manifest can free.
public struct Blob: Hashable, Sendable {
    public var digest: Digest
    /// Compressed size in bytes.
    public var size: Int64

    /// Creates a blob reference.
    public init(digest: Digest, size: Int64) {
        self.digest = digest
        self.size = size
    }
}
