/// A tag (ListRepoTag, GetRepoTag). `Digest` may come without its `sha256:` prefix; sizes and
/// times may come as strings.
struct ACRTagRecord: Decodable, Sendable {
    var Tag: String
    var Digest: String?
    var ImageId: String?
    var ImageSize: LenientInt?
    var ImageCreate: ACRTime?
    var ImageUpdate: ACRTime?
    var Status: String?

    /// The digest, `sha256:` added when ACR left it out.
    var digest: RegistryClient.Digest? {
        guard let text = Digest?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return RegistryClient.Digest(text.contains(":") ? text : "sha256:\(text)")
    }
}
