/// What a caller already knows about a repository, so that reading its newest report again can
/// send fewer requests.
public struct ScanHints: Sendable {
    /// Every tag of the repository as just listed, `sha256-<hex>` fallback tags included: on a
    /// registry without the referrers API, an image whose fallback tag is not listed has no
    /// referrers, so nothing is requested.
    public var listedTags: Set<String>?
    /// The report read last time for this image: returned as it is when its origin is still the
    /// newest report of the image.
    public var known: ImageReport?

    /// Hints; none by default.
    public init(listedTags: Set<String>? = nil, known: ImageReport? = nil) {
        self.listedTags = listedTags
        self.known = known
    }
}
