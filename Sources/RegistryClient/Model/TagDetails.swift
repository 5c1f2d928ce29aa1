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
    /// When the tag was last pushed, when the registry says (ACR).
    public var updated: Date?

    /// Whether the manifest itself was read: lists of some providers (ACR) carry only digest, size
    /// and times, without media type and platforms.
    public var hasManifestFacts: Bool { !mediaType.isEmpty }
    /// When the image was last pulled, when the registry records pulls (Harbor); nil for never or unknown.
    public var pulled: Date?
    /// The registry's own scan of the image as its listing reports it (Harbor), nil when it says nothing.
    public var serverScan: ServerScanOverview?
    /// Kinds of the signatures, SBOMs and other accessories attached (`signature.cosign`, `sbom.harbor`…),
    /// when the listing names them.
    public var accessories: [String] = []
    /// Whether an immutability rule protects the tag, when the registry says.
    public var immutable: Bool?

    /// Creates details.
    public init(
        digest: Digest, mediaType: String, size: Int64?, created: Date?, platforms: [Platform], blobs: [Blob] = [],
        updated: Date? = nil
    ) {
        self.updated = updated
        self.digest = digest
        self.mediaType = mediaType
        self.size = size
        self.created = created
        self.platforms = platforms
        self.blobs = blobs
    }
}
