/// A tag (GetRepoTags, GetRepoTag): the digest may come without its `sha256:` prefix.
struct ACRPersonalTagRecord: Decodable, Sendable {
    var tag: String
    var imageId: String?
    var digest: String?
    var imageSize: LenientInt?
    var imageCreate: ACRTime?
    var imageUpdate: ACRTime?
    var status: String?
}
