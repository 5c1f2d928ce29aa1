/// One thing a user asked to delete in a repository.
public enum DeleteTarget: Hashable, Sendable, CustomStringConvertible {
    case tag(String)
    case digest(Digest)

    /// The target a reference names: its digest when it has one, else its tag.
    public init?(_ reference: Reference) {
        if let digest = reference.digest {
            self = .digest(digest)
        } else if let tag = reference.tag {
            self = .tag(tag)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .tag(let tag): tag
        case .digest(let digest): digest.description
        }
    }
}
