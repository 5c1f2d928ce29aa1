import Foundation

/// One registry instance behind a uniform interface. Lists stream page by page so callers can
/// show the first page at once; later pages append (an entry whose id was seen replaces it).
/// What else a registry can do is a protocol it also conforms to, which screens and commands
/// check before offering it: `ReferrerAttaching`, `ServerScanning`, `NamespaceManaging`,
/// `RepositoryManaging`; where lifecycle rules run says `lifecycleRuleStore(directories:)`.
public protocol RegistryProvider: Sendable {
    /// The instance this provider serves.
    var instance: Instance { get }

    /// Checks that the registry answers and accepts the credentials.
    func probe() async throws

    /// Namespaces, with repository counts that grow as pages arrive.
    func namespaces() -> AsyncThrowingStream<[Namespace], any Error>
    /// Repositories, all of them or those of one namespace.
    func repositories(namespace: String?) -> AsyncThrowingStream<[Repository], any Error>
    /// Tags of a repository, possibly without details.
    func tags(repository: String) -> AsyncThrowingStream<[Tag], any Error>
    /// Digest, size, created time and platforms of one tag.
    func tagDetails(repository: String, tag: String) async throws -> TagDetails
    /// `tagDetails`, for a tag that pointed at `likelyDigest` when last read: a provider with a
    /// content cache checks the tag with a `HEAD` request and reads the rest from the cache.
    func tagDetails(repository: String, tag: String, likelyDigest: Digest?) async throws -> TagDetails
    /// Whether `tags(repository:)` lists the most recently pushed tags first, with their details.
    var listsNewestTagsFirst: Bool { get }
    /// The digest a tag points at now, nil when the tag does not exist.
    func currentDigest(repository: String, tag: String) async throws -> Digest?
    /// Everything about a manifest: content, platforms' images, referrers.
    func artifact(_ reference: Reference) async throws -> Artifact
    /// Manifests whose `subject` is `digest`.
    func referrers(repository: String, digest: Digest) async throws -> [Referrer]
    /// Deletes a manifest by digest.
    func deleteManifest(repository: String, digest: Digest) async throws
    /// The newest vulnerability report for a manifest, nil when there is none.
    func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport?
    /// The newest report for a manifest, reduced for the vulnerability overview; `hints` can
    /// spare requests (see `ScanHints`). Nil when there is none.
    func latestReport(repository: String, tag: String?, digest: Digest, hints: ScanHints) async throws -> ImageReport?
    /// Where the instance's lifecycle rules live.
    func lifecycleRuleStore(directories: XDGDirectories) -> any LifecycleRuleStore
}

extension RegistryProvider {
    public func tagDetails(repository: String, tag: String, likelyDigest: Digest?) async throws -> TagDetails {
        try await tagDetails(repository: repository, tag: tag)
    }

    public var listsNewestTagsFirst: Bool { false }

    public func latestReport(
        repository: String, tag: String?, digest: Digest, hints: ScanHints
    ) async throws -> ImageReport? {
        try await scanReport(repository: repository, tag: tag, digest: digest).map {
            ImageReport(
                $0, source: self is any ServerScanning ? instance.kind.rawValue : ImageReport.referrerSource,
                origin: nil)
        }
    }

    /// The first listed tag of `repository` that points at `digest`, nil when none does.
    func firstTag(repository: String, pointingAt digest: Digest) async throws -> String? {
        for try await page in tags(repository: repository) {
            if let match = page.first(where: { $0.details?.digest == digest }) { return match.name }
        }
        return nil
    }

    /// Rules in the data directory, run by regconsole: for registries without rules of their own.
    public func lifecycleRuleStore(directories: XDGDirectories) -> any LifecycleRuleStore {
        LocalLifecycleRuleStore(instance: instance.name, directories: directories)
    }
}

/// A provider that can attach artifacts (scan reports, SBOMs) to a manifest as OCI referrers.
public protocol ReferrerAttaching: RegistryProvider {
    /// The descriptor of a manifest, for use as a `subject`.
    func subjectDescriptor(repository: String, reference: String) async throws -> Descriptor
    /// Pushes `payload` as an artifact whose `subject` is `subject`, and lists it as a referrer.
    func attach(
        repository: String, subject: Descriptor, artifactType: String, payload: Data, payloadMediaType: String,
        annotations: [String: String]
    ) async throws -> Referrer
}
