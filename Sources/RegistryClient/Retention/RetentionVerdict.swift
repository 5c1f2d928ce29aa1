/// The decision about one tag (or an untagged artifact, `tag` nil) and why it was made.
public struct RetentionVerdict: Sendable, Equatable {
    public var repository: String
    /// Nil for an untagged artifact.
    public var tag: String?
    public var digest: String
    public var decision: RetentionDecision
    /// "rule 2: the 3 most recently pushed", "no rule keeps it", …
    public var reason: String
    /// Whether an enabled rule covers the repository (else the tag is kept without being considered).
    public var inScope: Bool

    /// Creates a verdict.
    public init(
        repository: String, tag: String?, digest: String, decision: RetentionDecision, reason: String,
        inScope: Bool = true
    ) {
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.decision = decision
        self.reason = reason
        self.inScope = inScope
    }

    /// The key the preview and the server's results are matched on: repository and tag, or the
    /// digest of an untagged artifact.
    public var key: String { "\(repository)\u{0}\(tag ?? digest)" }
}
