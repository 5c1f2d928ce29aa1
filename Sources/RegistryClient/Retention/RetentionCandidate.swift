import Foundation

/// An artifact a retention policy decides about: its repository (full name), digest, tags, when
/// it was pushed and last pulled, and whether an immutability rule protects one of its tags.
public struct RetentionCandidate: Sendable, Equatable {
    public var repository: String
    public var digest: String
    public var tags: [String]
    public var pushed: Date?
    /// Nil when never pulled.
    public var pulled: Date?
    public var immutable: Bool

    /// Creates a candidate.
    public init(
        repository: String, digest: String, tags: [String], pushed: Date?, pulled: Date?, immutable: Bool = false
    ) {
        self.repository = repository
        self.digest = digest
        self.tags = tags
        self.pushed = pushed
        self.pulled = pulled
        self.immutable = immutable
    }
}
