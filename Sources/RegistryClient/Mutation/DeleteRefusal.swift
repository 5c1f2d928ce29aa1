/// Why a delete was refused at plan time or skipped right before deleting. Structured so every
/// front end can word it in its own language; `description` is the English wording.
public enum DeleteRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The tag does not exist.
    case tagMissing(String)
    /// The digest is not in the repository (any more).
    case digestMissing(Digest, repository: String)
    /// Deleting the digest would take tags that are not being deleted.
    case sharedDigest(requested: [String], digest: Digest, others: [String])
    /// A requested tag points elsewhere than the plan said.
    case tagMoved(tag: String, now: Digest?, planned: Digest)
    /// Tags were pushed onto the digest after the plan.
    case tagsAdded([String], digest: Digest)

    public var description: String {
        switch self {
        case .tagMissing(let tag):
            "tag '\(tag)' does not exist"
        case .digestMissing(let digest, let repository):
            "\(digest.short) is not in \(repository)"
        case .sharedDigest(let requested, let digest, let others):
            "\(requested.joined(separator: ", ")) shares digest \(digest.short) with \(others.joined(separator: ", ")), which would be deleted too; add \(others.count == 1 ? "it" : "them") to the command or delete by digest"
        case .tagMoved(let tag, let now, let planned):
            "tag '\(tag)' now points at \(now?.short ?? "nothing") (planned: \(planned.short))"
        case .tagsAdded(let tags, let digest):
            "tag \(tags.joined(separator: ", ")) was pushed onto \(digest.short) after the plan"
        }
    }
}
