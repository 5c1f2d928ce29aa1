/// An OCI image index or Docker manifest list.
public struct ImageIndex: Sendable, Codable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var artifactType: String?
    public var manifests: [Descriptor]
    public var subject: Descriptor?
    public var annotations: [String: String]?

    /// Creates an index.
    public init(mediaType: String?, manifests: [Descriptor], annotations: [String: String]? = nil) {
        self.schemaVersion = 2
        self.mediaType = mediaType
        self.manifests = manifests
        self.annotations = annotations
    }

    /// Children that are runnable images: BuildKit attestation entries (`unknown/unknown`,
    /// `vnd.docker.reference.type`) are left out.
    public var platformManifests: [Descriptor] { manifests.filter(\.isPlatformImage) }
}
