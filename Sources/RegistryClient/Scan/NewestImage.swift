/// A repository's newest tag, the digest it points at, and the newest report attached to (or made
/// by the registry for) that image: one row of `regconsole vulns` and of the console's `:vulns`.
public struct NewestImage: Sendable {
    /// The newest tag; nil for a repository without tags.
    public var tag: Tag?
    /// The tag's digest, when the registry answers for it.
    public var digest: Digest?
    /// The newest report; nil when the image has none.
    public var report: ScanReport?

    /// Creates the summary of a repository that has nothing to show.
    public init(tag: Tag? = nil, digest: Digest? = nil, report: ScanReport? = nil) {
        self.tag = tag
        self.digest = digest
        self.report = report
    }

    /// Finds the newest tag of `repository`, its digest, and the report `fetch` returns for that
    /// image (through a cache, in the console).
    public static func find(
        repository: String, provider: any RegistryProvider,
        report fetch: @Sendable (_ tag: String, _ digest: Digest) async throws -> ScanReport?
    ) async throws -> NewestImage {
        guard let tag = try await provider.newestTag(repository: repository) else { return NewestImage() }
        var digest = tag.details?.digest
        if digest == nil { digest = try await provider.currentDigest(repository: repository, tag: tag.name) }
        guard let digest else { return NewestImage(tag: tag) }
        return NewestImage(tag: tag, digest: digest, report: try await fetch(tag.name, digest))
    }
}

extension [Severity: Int] {
    /// `C1 H3 M2 L4`: counts, worst first, zero counts left out; `0` when there are none.
    public var countsText: String {
        let text = Severity.worstFirst.compactMap { severity -> String? in
            guard let count = self[severity], count > 0 else { return nil }
            return "\(severity.description.prefix(1).uppercased())\(count)"
        }.joined(separator: " ")
        return text.isEmpty ? "0" : text
    }
}
