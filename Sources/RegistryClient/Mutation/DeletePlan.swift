/// What a delete will do, computed before anything is deleted and shown for confirmation.
public struct DeletePlan: Sendable {
    /// One manifest to delete (or refused), with every tag that disappears with it.
    public struct Item: Sendable, Identifiable {
        /// The verdict for this manifest.
        public enum Decision: Sendable, Equatable {
            case delete
            case refuse(DeleteRefusal)
        }

        public var repository: String
        /// The digest; nil when the request could not be resolved.
        public var digest: Digest?
        /// What the user asked for (tags, or the digest).
        public var requested: [String]
        /// Every tag on the digest at plan time: all of them go away with it.
        public var tagsRemoved: [String]
        /// Requested tag → digest at plan time, re-checked right before deleting.
        public var expected: [String: Digest]
        public var decision: Decision

        /// Creates an item.
        public init(
            repository: String, digest: Digest?, requested: [String], tagsRemoved: [String], expected: [String: Digest],
            decision: Decision
        ) {
            self.repository = repository
            self.digest = digest
            self.requested = requested
            self.tagsRemoved = tagsRemoved
            self.expected = expected
            self.decision = decision
        }

        public var id: String { "\(repository)@\(digest?.description ?? requested.joined(separator: ","))" }
    }

    /// The instance everything happens on.
    public var instance: Instance
    /// The repository everything happens in.
    public var repository: String
    /// Every tag the repository had at plan time; a tag that appears later is checked before deleting.
    public var knownTags: Set<String>
    public var items: [Item]

    /// Creates a plan.
    public init(instance: Instance, repository: String, knownTags: Set<String>, items: [Item]) {
        self.instance = instance
        self.repository = repository
        self.knownTags = knownTags
        self.items = items
    }

    /// Items that will be deleted.
    public var deletions: [Item] { items.filter { $0.decision == .delete } }
    /// Items refused at plan time.
    public var refusals: [Item] { items.filter { $0.decision != .delete } }

    /// Whether confirmation must be typed: production instances or more than 10 deletions.
    public var needsTypedConfirmation: Bool { instance.production || deletions.count > 10 }
}
