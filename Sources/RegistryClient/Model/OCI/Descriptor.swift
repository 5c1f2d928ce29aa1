/// An OCI content descriptor: what a manifest says about a blob or another manifest.
public struct Descriptor: Hashable, Sendable, Codable {
    public var mediaType: String
    public var digest: Digest
    public var size: Int64
    public var platform: Platform?
    public var artifactType: String?
    public var annotations: [String: String]?

    /// Creates a descriptor.
    public init(
        mediaType: String, digest: Digest, size: Int64, platform: Platform? = nil, artifactType: String? = nil,
        annotations: [String: String]? = nil
    ) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.platform = platform
        self.artifactType = artifactType
        self.annotations = annotations
    }
}
