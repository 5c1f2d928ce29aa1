/// An OCI image manifest or Docker schema2 manifest (the same shape on the wire).
public struct ImageManifest: Sendable, Codable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var artifactType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var subject: Descriptor?
    public var annotations: [String: String]?

    /// Creates a manifest.
    public init(
        mediaType: String?, artifactType: String? = nil, config: Descriptor, layers: [Descriptor],
        subject: Descriptor? = nil, annotations: [String: String]? = nil
    ) {
        self.schemaVersion = 2
        self.mediaType = mediaType
        self.artifactType = artifactType
        self.config = config
        self.layers = layers
        self.subject = subject
        self.annotations = annotations
    }

    /// Compressed size as stored: config plus layers.
    public var contentSize: Int64 { ([config] + layers).map(\.size).saturatingSum }

    /// The artifact type: `artifactType`, else the config's media type (the referrers rule).
    public var effectiveArtifactType: String { artifactType ?? config.mediaType }
}
