import RegistryClient

/// Which tags share a manifest: the tags on each digest, and a colour group for every digest more
/// than one tag points at (numbered in the order such digests are found, so colours are stable
/// while details stream in).
struct DigestGroups {
    private var tagsByDigest: [Digest: [String]] = [:]
    private var groupOfDigest: [Digest: Int] = [:]

    /// Records that `tag` points at `digest`.
    mutating func record(_ tag: String, on digest: Digest) {
        guard !(tagsByDigest[digest]?.contains(tag) ?? false) else { return }
        tagsByDigest[digest, default: []].append(tag)
        if tagsByDigest[digest]?.count == 2, groupOfDigest[digest] == nil {
            groupOfDigest[digest] = groupOfDigest.count
        }
    }

    /// Forgets everything (a reload).
    mutating func removeAll() {
        tagsByDigest = [:]
        groupOfDigest = [:]
    }

    /// The tags known to point at `digest`, in the order they were found.
    func tags(on digest: Digest) -> [String] { tagsByDigest[digest] ?? [] }

    /// The colour group of a digest shared by several tags; nil for a digest one tag points at.
    func group(of digest: Digest) -> Int? { groupOfDigest[digest] }
}
