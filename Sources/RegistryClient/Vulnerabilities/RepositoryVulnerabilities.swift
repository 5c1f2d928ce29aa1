/// A repository's tagged images with their newest reports, newest image first: one row of
/// `regconsole vulns` and of the console's `:vulns`, and one entry of the overview snapshot.
public struct RepositoryVulnerabilities: Codable, Sendable, Equatable {
    /// `NAMESPACE/NAME` within the instance.
    public var repository: String
    /// Images by `created`, newest first; the first one carries the newest tag. Empty for a
    /// repository without tags.
    public var images: [ImageVulnerabilities]
    /// The digest each tag pointed at when read: the next read checks these with `HEAD` requests
    /// and takes the manifests and configs from the content cache.
    public var tagDigests: [String: Digest]

    /// Creates an entry.
    public init(repository: String, images: [ImageVulnerabilities] = [], tagDigests: [String: Digest] = [:]) {
        self.repository = repository
        self.images = images
        self.tagDigests = tagDigests
    }

    /// The newest tag's image; nil for a repository without tags.
    public var newest: ImageVulnerabilities? { images.first }

    /// The images after the newest one.
    public var older: ArraySlice<ImageVulnerabilities> { images.dropFirst() }

    /// The image entry read last time for `digest`.
    func image(_ digest: Digest) -> ImageVulnerabilities? { images.first { $0.digest == digest } }
}
