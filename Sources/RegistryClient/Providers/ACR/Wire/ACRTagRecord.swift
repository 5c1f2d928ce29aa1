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
    var digest: RegistryClient.Digest? { RegistryClient.Digest(acr: Digest) }
}

extension Digest {
    /// A digest as either ACR edition sends it: with or without its `sha256:` prefix; nil for
    /// none, an empty one or one that is not a digest.
    init?(acr text: String?) {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        self.init(text.contains(":") ? text : "sha256:\(text)")
    }
}
