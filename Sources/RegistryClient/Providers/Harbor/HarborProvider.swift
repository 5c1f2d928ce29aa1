import Foundation

/// A Harbor instance through its own API v2.0: projects as namespaces (with storage and quota),
/// repositories, artifacts with all their tags, pull times, accessories and scan overviews, scans
/// and their reports. Manifests, layers and referrers come from its registry endpoint (`/v2/` on
/// the same host), with the same user or robot account.
///
/// `_catalog` is for Harbor's administrators only; listing through the API shows every user what
/// their projects hold.
public struct HarborProvider: RegistryProvider {
    public let instance: Instance
    let client: HarborClient
    let registry: DistributionProvider

    /// Creates a provider for the Harbor at `baseURL` (its external URL).
    public init(
        instance: Instance, baseURL: URL, http: any HTTPClient, credentials: CredentialSource, chain: CredentialChain,
        content: ContentStore, limits: RegistryLimits = RegistryLimits()
    ) {
        self.instance = instance
        let security: TransportSecurity = instance.insecure ? .insecure : .verified
        let authenticator = Authenticator(
            registry: baseURL, instanceName: instance.name, configured: credentials, chain: chain, http: http,
            security: security)
        self.client = HarborClient(
            baseURL: baseURL, http: http, authenticator: authenticator, security: security, limits: limits)
        self.registry = DistributionProvider(
            instance: instance, baseURL: baseURL, http: http, authenticator: authenticator, content: content,
            limits: limits)
    }

    /// Checks that the API answers and that the registry endpoint accepts the credentials (the
    /// API treats wrong ones as anonymous, so only the registry refuses them).
    public func probe() async throws {
        let _: [HarborProjectRecord]? = try await client.get(
            HarborPath.projects, query: [("page_size", "1")], operation: "listing projects")
        try await registry.probe()
    }

    // MARK: Browsing

    /// Projects, each with its storage and quota from its summary (read 8 at a time per page).
    public func namespaces() -> AsyncThrowingStream<[Namespace], any Error> {
        let name = instance.name
        let client = client
        let pages: AsyncThrowingStream<[HarborProjectRecord], any Error> = client.pages(
            HarborPath.projects, operation: "listing projects")
        return .producing { continuation in
            for try await page in pages {
                let namespaces = try await BoundedConcurrency.map(page, limit: 8) { record in
                    let summary = try? await client.get(
                        HarborPath.project(record.name).appending("summary"),
                        headers: ["X-Is-Resource-Name": "true"], as: HarborProjectSummaryRecord.self,
                        operation: "reading the summary of project \(record.name)")
                    return Self.namespace(record, summary: summary, instance: name)
                }
                if !namespaces.isEmpty { continuation.yield(namespaces) }
            }
        }
    }

    public func repositories(namespace: String?) -> AsyncThrowingStream<[Repository], any Error> {
        let name = instance.name
        let pages: AsyncThrowingStream<[HarborRepositoryRecord], any Error> =
            if let namespace {
                client.pages(HarborPath.repositories(in: namespace), operation: "listing repositories of \(namespace)")
            } else {
                client.pages(HarborPath.root.appending("repositories"), operation: "listing repositories")
            }
        return pages.mapPages { records in records.map { Self.repository($0, instance: name) } }
    }

    /// Artifacts come newest pushed first, each with its tags.
    public var listsNewestTagsFirst: Bool { true }

    /// One tag per tag of each artifact (an untagged artifact lists nothing), with Harbor's size,
    /// times, accessories, immutability and scan overview: no request per tag.
    public func tags(repository: String) -> AsyncThrowingStream<[Tag], any Error> {
        artifacts(repository: repository).mapPages { records in records.flatMap(Self.tags) }
    }

    /// The artifacts of a repository, newest pushed first, with everything the tags pane shows.
    func artifacts(repository: String) -> AsyncThrowingStream<[HarborArtifactRecord], any Error> {
        let project = Namespace.of(repository: repository)
        return client.pages(
            HarborPath.artifacts(of: repository, in: project), query: Self.artifactQuery,
            headers: Self.reportHeaders, operation: "listing artifacts of \(repository)")
    }

    /// The artifact's facts from the API; the manifest is read from the registry (which Harbor
    /// records as a pull) only when the API lacks the config's facts.
    public func tagDetails(repository: String, tag: String) async throws -> TagDetails {
        let record = try await artifactRecord(repository: repository, reference: tag)
        let listed = Self.details(record, tag: Digest(tag) == nil ? tag : nil)
        if listed.hasManifestFacts { return listed }
        var details = try await registry.tagDetails(repository: repository, tag: record.digest.description)
        details.updated = listed.updated
        details.pulled = listed.pulled
        details.serverScan = listed.serverScan
        details.accessories = listed.accessories
        details.immutable = listed.immutable
        return details
    }

    public func currentDigest(repository: String, tag: String) async throws -> Digest? {
        do {
            return try await artifactRecord(repository: repository, reference: tag).digest
        } catch let error as RegistryError where error.code == .notFound {
            return nil
        }
    }

    public func artifact(_ reference: Reference) async throws -> Artifact {
        try await registry.artifact(reference)
    }

    public func referrers(repository: String, digest: Digest) async throws -> [Referrer] {
        try await registry.referrers(repository: repository, digest: digest)
    }

    /// Deletes the artifact and every tag on it (412 when an immutability rule protects a tag).
    public func deleteManifest(repository: String, digest: Digest) async throws {
        try instance.requireWritable(to: "delete")
        try await client.send(
            .delete, artifactPath(repository: repository, reference: digest.description),
            operation: "deleting \(repository)@\(digest.short)")
    }

    // MARK: Helpers shared by the extensions

    /// What every artifact read asks for.
    static let artifactQuery: [(String, String)] = [
        ("with_tag", "true"), ("with_scan_overview", "true"), ("with_accessory", "true"),
        ("with_immutable_status", "true"),
    ]

    /// The report types Harbor may answer with, in order of preference.
    static let reportHeaders: HTTPHeaders = [
        "X-Accept-Vulnerabilities": HarborScanOverview.reportTypes.joined(separator: ", ")
    ]

    func artifactPath(repository: String, reference: String) -> HarborPath {
        HarborPath.artifact(reference, of: repository, in: Namespace.of(repository: repository))
    }

    func artifactRecord(repository: String, reference: String) async throws -> HarborArtifactRecord {
        if Digest(reference) == nil { try Tag.requireValidName(reference) }
        return try await client.get(
            artifactPath(repository: repository, reference: reference), query: Self.artifactQuery,
            headers: Self.reportHeaders, operation: "reading \(repository):\(reference)")
    }

    static func namespace(
        _ record: HarborProjectRecord, summary: HarborProjectSummaryRecord?, instance: String
    ) -> Namespace {
        var namespace = Namespace(
            instance: instance, name: record.name, repositoryCount: summary?.repoCount ?? record.repoCount,
            visibility: record.isPublic ? .public : .private, serverID: String(record.id),
            state: record.isProxyCache ? "proxy cache" : nil)
        namespace.storageUsed = summary?.storageUsed.map(Int64.init)
        namespace.storageLimit = summary?.storageLimit.map(Int64.init)
        return namespace
    }

    static func repository(_ record: HarborRepositoryRecord, instance: String) -> Repository {
        Repository(
            instance: instance, name: record.name, updated: record.updateTime?.date,
            summary: record.description.flatMap { $0.isEmpty ? nil : $0 }, serverID: String(record.id))
    }

    static func tags(_ record: HarborArtifactRecord) -> [Tag] {
        (record.tags ?? []).map { Tag(name: $0.name, details: details(record, tag: $0.name)) }
    }

    /// The facts of an artifact's listing, as seen through one of its tags (nil: the digest).
    static func details(_ record: HarborArtifactRecord, tag: String?) -> TagDetails {
        let tagRecord = tag.flatMap { name in record.tags?.first { $0.name == name } }
        let image = record.extraAttributes
        let children = (record.references ?? []).compactMap(\.platform).map(Self.platform).filter {
            $0.os != "unknown" && !$0.os.isEmpty
        }
        let platform = image.flatMap { attributes in
            attributes.os.map {
                Platform(os: $0, architecture: attributes.architecture ?? "", variant: attributes.variant)
            }
        }
        // With the config's facts (an image) or its children (an index), the listing says all a
        // manifest read would: no read, so browsing never counts as a pull.
        let complete = image?.created != nil || !children.isEmpty
        var details = TagDetails(
            digest: record.digest, mediaType: complete ? record.manifestMediaType ?? "" : "",
            size: record.size.map(Int64.init), created: image?.created?.date,
            platforms: children.isEmpty ? platform.map { [$0] } ?? [] : children,
            updated: tagRecord?.pushTime?.date ?? record.pushTime?.date)
        details.pulled = tagRecord?.pullTime?.date ?? record.pullTime?.date
        details.serverScan = record.scan.map(Self.overview)
        details.accessories = (record.accessories ?? []).compactMap(\.type)
        details.immutable = tagRecord?.immutable
        return details
    }

    static func platform(_ record: HarborArtifactRecord.Platform) -> Platform {
        Platform(
            os: record.os ?? "", architecture: record.architecture ?? "", variant: record.variant,
            osVersion: record.osVersion)
    }

    static func overview(_ scan: HarborScanOverview) -> ServerScanOverview {
        var counts: [Severity: Int] = [:]
        for (word, count) in scan.summary?.summary ?? [:] where count > 0 {
            counts[Severity(word: word), default: 0] += count
        }
        let scanner = scan.scanner.map { [$0.name, $0.version].compactMap { $0 }.joined(separator: " ") }
        return ServerScanOverview(
            state: Self.state(scan.scanStatus), counts: counts, fixable: scan.summary?.fixable, scanner: scanner,
            finished: scan.endTime?.date, percent: scan.completePercent)
    }

    static func state(_ status: String?) -> ServerScanState {
        switch status?.lowercased() {
        case "success": .complete
        case "error", "stopped": .failed
        case "pending", "scheduled", "running": .scanning
        default: .none
        }
    }
}
