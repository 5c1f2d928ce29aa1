import Foundation

/// What lifecycle rules do to a set of repositories: a decision and a reason for every tag, the
/// bytes the deletions free, and warnings. Computed by `LifecycleEngine`, shown before anything is
/// deleted, and executed by `LifecycleExecutor`.
public struct LifecyclePlan: Sendable {
    /// Keep or delete.
    public enum Decision: String, Sendable, Equatable {
        case keep, delete
    }

    /// Why a tag is kept or deleted.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// Among the newest: `rank` of `count`.
        case newest(rank: Int, count: Int)
        case matches(pattern: String)
        case pushedWithin(days: Int)
        /// Deleting its digest would delete `tag`, which is kept.
        case sharesDigest(tag: String)
        case createdUnknown
        case unreadable(String)
        /// A `sha256-…` referrers tag: not an image, never cleaned up by tag rules.
        case referrersTag
        case notCovered
        /// No criterion of the rule keeps it.
        case notKept(count: Int?, pattern: String?, days: Int?)

        public var description: String {
            switch self {
            case .newest(let rank, let count): "kept: #\(rank) of the \(count) newest"
            case .matches(let pattern): "kept: matches \(pattern)"
            case .pushedWithin(let days): "kept: pushed within \(days) days"
            case .sharesDigest(let tag): "kept: shares its digest with kept tag \(tag)"
            case .createdUnknown: "kept: creation time unknown"
            case .unreadable(let why): "kept: could not be read (\(why))"
            case .referrersTag: "kept: referrers tag"
            case .notCovered: "kept: no rule covers this repository"
            case .notKept(let count, let pattern, let days):
                "deleted: "
                    + [
                        count.map { "older than the \($0) newest" }, pattern.map { "does not match \($0)" },
                        days.map { "pushed more than \($0) days ago" },
                    ].compactMap { $0 }.joined(separator: ", ")
            }
        }
    }

    /// One tag's verdict.
    public struct Entry: Sendable, Identifiable, Equatable {
        public var repository: String
        public var tag: String
        public var digest: Digest?
        public var created: Date?
        public var decision: Decision
        public var reason: Reason
        /// The rule that decided, nil when none covers the tag.
        public var rule: String?

        /// Creates an entry.
        public init(
            repository: String, tag: String, digest: Digest?, created: Date?, decision: Decision, reason: Reason,
            rule: String?
        ) {
            self.repository = repository
            self.tag = tag
            self.digest = digest
            self.created = created
            self.decision = decision
            self.reason = reason
            self.rule = rule
        }

        public var id: String { "\(repository):\(tag)" }
    }

    /// Every tag of every repository planned, repositories in name order, tags newest first.
    public var entries: [Entry]
    /// Bytes of blobs only deleted manifests reference (freed once the registry collects garbage).
    public var bytesFreed: Int64
    /// Things to look at before applying.
    public var warnings: [String]

    /// Creates a plan.
    public init(entries: [Entry], bytesFreed: Int64, warnings: [String]) {
        self.entries = entries
        self.bytesFreed = bytesFreed
        self.warnings = warnings
    }

    /// Entries that delete.
    public var deletions: [Entry] { entries.filter { $0.decision == .delete } }

    /// How many tags are kept.
    public var keptCount: Int { entries.reduce(0) { $0 + ($1.decision == .keep ? 1 : 0) } }

    /// Entries whose decision differs in `other` (the plan of the rules as saved), with the decision there.
    public func changes(from other: LifecyclePlan) -> [(entry: Entry, before: Decision)] {
        var before: [String: Decision] = [:]
        for entry in other.entries { before[entry.id] = entry.decision }
        return entries.compactMap { entry in
            guard let previous = before[entry.id], previous != entry.decision else { return nil }
            return (entry, previous)
        }
    }
}
