/// The orders a tag list can be sorted in, across all pages.
public enum TagOrder: String, CaseIterable, Sendable {
    /// By name, A to Z (byte order, as `sort` with `LC_ALL=C`).
    case name
    /// By semantic version, oldest first (`1.2.0` before `1.10.0`, `1.0.0-rc1` before `1.0.0`);
    /// tags that are not versions follow, by name.
    case semver
    /// By `created`, newest first, or by push time where the image has no `created` (a Harbor
    /// index); tags without either last.
    case created
    /// By size, largest first; tags without a size last.
    case size

    /// Whether sorting needs the tags' details (digest, size, created).
    public var needsDetails: Bool { self == .created || self == .size }

    /// Sorts `tags`; ties are broken by name so the order is deterministic.
    public func sorted(_ tags: [Tag]) -> [Tag] { order(tags).map { tags[$0] } }

    /// The indices of `tags` in sorted order (callers that keep data beside each tag permute it
    /// with them).
    public func order(_ tags: [Tag]) -> [Int] {
        switch self {
        case .name:
            return tags.indices.sorted { tags[$0].name < tags[$1].name }
        case .semver:
            let versions = tags.map { SemanticVersion($0.name) }
            return tags.indices.sorted { lhs, rhs in
                switch (versions[lhs], versions[rhs]) {
                case let (l?, r?): return l != r ? l < r : tags[lhs].name < tags[rhs].name
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return tags[lhs].name < tags[rhs].name
                }
            }
        case .created:
            return descending(tags) { ($0.details?.created ?? $0.details?.updated)?.timeIntervalSince1970 }
        case .size:
            return descending(tags) { $0.details?.size.map(Double.init) }
        }
    }

    private func descending(_ tags: [Tag], by key: (Tag) -> Double?) -> [Int] {
        let keys = tags.map(key)
        return tags.indices.sorted { lhs, rhs in
            switch (keys[lhs], keys[rhs]) {
            case let (l?, r?): return l != r ? l > r : tags[lhs].name < tags[rhs].name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return tags[lhs].name < tags[rhs].name
            }
        }
    }
}
