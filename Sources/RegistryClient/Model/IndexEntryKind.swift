/// What an entry of an image index is, as the console and the CLI label it.
public enum IndexEntryKind: Hashable, Sendable, CustomStringConvertible {
    /// A runnable image for this platform.
    case platform(Platform)
    /// A BuildKit attestation manifest (`unknown/unknown`, `vnd.docker.reference.type`) or another
    /// entry that is not a runnable image.
    case attestation

    /// The platform (`linux/arm64/v8`), or `attestation`.
    public var description: String {
        switch self {
        case .platform(let platform): platform.description
        case .attestation: "attestation"
        }
    }
}

extension Descriptor {
    /// What this index entry is: a platform image or an attestation.
    public var indexEntryKind: IndexEntryKind {
        guard isPlatformImage, let platform else { return .attestation }
        return .platform(platform)
    }
}
