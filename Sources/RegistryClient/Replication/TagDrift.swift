/// How a tag differs between a source repository and its replica: the heart of the drift view,
/// which needs nothing but two tag lists with digests, so it compares any two repositories (across
/// regions, instances and providers).
public struct TagDrift: Sendable, Hashable, Identifiable {
    /// Where the tag stands on the target.
    public enum State: String, Sendable, CaseIterable {
        /// On the source only: the target lacks it.
        case missing
        /// On both, pointing at different digests.
        case different
        /// On the target only.
        case extra
        /// On both, same digest.
        case same
    }

    public var tag: String
    public var state: State
    /// Nil when the tag is not on that side, or its digest is unknown.
    public var sourceDigest: Digest?
    public var targetDigest: Digest?

    public var id: String { tag }

    /// Creates a row.
    public init(tag: String, state: State, sourceDigest: Digest?, targetDigest: Digest?) {
        self.tag = tag
        self.state = state
        self.sourceDigest = sourceDigest
        self.targetDigest = targetDigest
    }

    /// Compares two tag lists, one row per tag in either, ordered missing, different, extra, same,
    /// then by name. A tag without a digest on one side counts as different unless both lack one
    /// (then `same`: nothing says otherwise). Referrers tags are compared like any other.
    public static func compare(source: [Tag], target: [Tag]) -> [TagDrift] {
        let sourceDigests = Dictionary(
            source.map { ($0.name, $0.details?.digest) }, uniquingKeysWith: { first, _ in first })
        let targetDigests = Dictionary(
            target.map { ($0.name, $0.details?.digest) }, uniquingKeysWith: { first, _ in first })
        var rows: [TagDrift] = []
        for (tag, digest) in sourceDigests {
            guard let other = targetDigests[tag] else {
                rows.append(TagDrift(tag: tag, state: .missing, sourceDigest: digest, targetDigest: nil))
                continue
            }
            rows.append(
                TagDrift(
                    tag: tag, state: digest == other ? .same : .different, sourceDigest: digest, targetDigest: other))
        }
        for (tag, digest) in targetDigests where sourceDigests[tag] == nil {
            rows.append(TagDrift(tag: tag, state: .extra, sourceDigest: nil, targetDigest: digest))
        }
        let rank = Dictionary(uniqueKeysWithValues: State.allCases.enumerated().map { ($1, $0) })
        return rows.sorted { ((rank[$0.state] ?? 0), $0.tag) < ((rank[$1.state] ?? 0), $1.tag) }
    }
}
