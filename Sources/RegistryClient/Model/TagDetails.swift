import Foundation

/// What a tag points at: filled from the manifest and config, or given by the provider's API.
public struct TagDetails: Hashable, Sendable {
    public var digest: Digest
    public var mediaType: String
    /// Compressed size: config + layers, or the sum over an index's platform children.
    public var size: Int64?
    /// The image's `created` time (for an index, that of its first platform).
    public var created: Date?
    /// Platforms: an index's children, or the single image's config platform.
    public var platforms: [Platform]
    /// The config and layer blobs (of every platform image, for an index), when known.
    public var blobs: [Blob]

    /// Creates details.
    public init(digest: Digest, mediaType: String, size: Int64?, created: Date?, platforms: [Platform], blobs: [Blob] = []) {
        self.digest = digest
        self.mediaType = mediaType
        self.size = size
        self.created = created
        self.platforms = platforms
        self.blobs = blobs
    }
}
