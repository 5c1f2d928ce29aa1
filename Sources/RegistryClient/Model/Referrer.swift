/// A manifest that refers to another one through `subject`: a signature, SBOM, scan report…
public struct Referrer: Hashable, Sendable {
    public var descriptor: Descriptor
    /// How it was found.
    public var discovery: Discovery

    /// The ways referrers are discovered.
    public enum Discovery: String, Sendable {
        case api = "referrers-api"
        case tagFallback = "tag-fallback"
    }

    /// Creates a referrer.
    public init(descriptor: Descriptor, discovery: Discovery) {
        self.descriptor = descriptor
        self.discovery = discovery
    }

    /// The artifact type, else the media type.
    public var artifactType: String { descriptor.artifactType ?? descriptor.mediaType }
}
