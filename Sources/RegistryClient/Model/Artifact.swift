import Foundation

/// Everything known about one manifest: what `inspect` prints and the detail pane shows.
public struct Artifact: Sendable {
    /// A single image: its manifest and config.
    public struct Image: Sendable {
        public var digest: Digest
        public var manifest: ImageManifest
        /// Nil for artifacts whose config is not an image config (e.g. the empty descriptor).
        public var config: ImageConfig?

        /// Creates an image.
        public init(digest: Digest, manifest: ImageManifest, config: ImageConfig?) {
            self.digest = digest
            self.manifest = manifest
            self.config = config
        }

        /// The platform from the config, if any.
        public var platform: Platform? { config?.platform }
    }

    /// One platform entry of an index, with the child image when it was fetched.
    public struct Child: Sendable {
        public var descriptor: Descriptor
        public var image: Image?

        /// Creates a child.
        public init(descriptor: Descriptor, image: Image?) {
            self.descriptor = descriptor
            self.image = image
        }
    }

    /// The two shapes a manifest can have.
    public enum Content: Sendable {
        case image(Image)
        case index(ImageIndex, children: [Child])
    }

    /// The resolved reference.
    public var reference: Reference
    public var digest: Digest
    public var mediaType: String
    /// The manifest exactly as the registry served it.
    public var rawManifest: Data
    public var content: Content
    /// Referrers, when they were asked for.
    public var referrers: [Referrer]

    /// Creates an artifact.
    public init(
        reference: Reference, digest: Digest, mediaType: String, rawManifest: Data, content: Content,
        referrers: [Referrer] = []
    ) {
        self.reference = reference
        self.digest = digest
        self.mediaType = mediaType
        self.rawManifest = rawManifest
        self.content = content
        self.referrers = referrers
    }

    /// Compressed size: config + layers; for an index the sum over its platform children.
    public var size: Int64? {
        switch content {
        case .image(let image):
            return image.manifest.contentSize
        case .index(_, let children):
            // Only platform images count: an index of artifacts (a referrers list) has no image size.
            let platformChildren = children.filter(\.descriptor.isPlatformImage)
            let sizes = platformChildren.map { $0.image?.manifest.contentSize }
            guard !sizes.isEmpty, !sizes.contains(where: { $0 == nil }) else { return nil }
            return sizes.compactMap { $0 }.saturatingSum
        }
    }

    /// `created` of the image, or of the first platform image of an index.
    public var created: Date? {
        switch content {
        case .image(let image):
            return image.config?.createdDate
                ?? image.manifest.annotations?["org.opencontainers.image.created"].flatMap(RFC3339.parse)
        case .index(let index, let children):
            return children.first { $0.descriptor.isPlatformImage }?.image?.config?.createdDate
                ?? index.annotations?["org.opencontainers.image.created"].flatMap(RFC3339.parse)
        }
    }

    /// Runnable platforms: the index's children or the image's own.
    public var platforms: [Platform] {
        switch content {
        case .image(let image):
            return image.platform.map { [$0] } ?? []
        case .index(let index, _):
            return index.platformManifests.compactMap(\.platform)
        }
    }

    /// The summary a tag list shows.
    public var details: TagDetails {
        TagDetails(
            digest: digest, mediaType: mediaType, size: size, created: created, platforms: platforms, blobs: blobs)
    }

    /// The config and layer blobs of the image, or of every fetched platform image of an index.
    public var blobs: [Blob] {
        let images: [Image] =
            switch content {
            case .image(let image): [image]
            case .index(_, let children): children.compactMap(\.image)
            }
        return images.flatMap { [$0.manifest.config] + $0.manifest.layers }.map {
            Blob(digest: $0.digest, size: $0.size)
        }
    }
}

extension Descriptor {
    /// Whether this index entry is a runnable image: it names a platform, and is neither a
    /// BuildKit attestation (`unknown/unknown`) nor an artifact in a referrers list.
    public var isPlatformImage: Bool {
        guard let platform else { return false }
        return !platform.isUnknown && annotations?["vnd.docker.reference.type"] == nil
    }
}
