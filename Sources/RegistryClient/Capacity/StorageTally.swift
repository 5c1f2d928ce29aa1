/// What a set of tags stores, accumulated tag by tag: sizes by digest, so a blob (or, without a
/// blob list, a manifest) shared between tags and repositories counts once.
struct StorageTally {
    private var sizes: [Digest: Int64] = [:]
    private(set) var tagCount = 0
    private(set) var unknownTags = 0
    private(set) var estimated = false

    /// The bytes counted so far.
    var bytes: Int64 { sizes.values.saturatingSum }

    /// Counts a tag: its blobs when known, else its image size under its manifest digest (an
    /// estimate), else nothing (unknown).
    mutating func add(_ tag: Tag) {
        tagCount += 1
        guard let details = tag.details else {
            unknownTags += 1
            estimated = true
            return
        }
        if !details.blobs.isEmpty {
            for blob in details.blobs { sizes[blob.digest] = blob.size }
        } else if let size = details.size {
            sizes[details.digest] = size
            estimated = true
        } else {
            unknownTags += 1
            estimated = true
        }
    }

    /// Adds what another tally counted; digests both counted count once.
    mutating func merge(_ other: StorageTally) {
        sizes.merge(other.sizes) { first, _ in first }
        tagCount += other.tagCount
        unknownTags += other.unknownTags
        estimated = estimated || other.estimated
    }
}
