import Foundation

/// One ACR Enterprise instance: namespaces, repositories, tags, scans and lifecycle rules through
/// the OpenAPI; manifests, layers and referrers through the instance's registry endpoint.
///
/// Repositories are `NAMESPACE/NAME` (the name may itself hold `/`). Tags come with ACR's size and
/// push times, so lists need no manifest reads; tag details and artifacts read the registry.
public struct ACRProvider: RegistryProvider, ServerScanning, NamespaceManaging, RepositoryManaging {
    public let instance: Instance
    /// The instance id (`cri-…`).
    public let instanceID: String
    let client: ACRClient
    let registry: ACRRegistryAccess
    let repositoryIDs = ACRRepositoryIDs()

    /// Creates a provider for instance `instanceID`, described by `instance`.
    public init(instance: Instance, instanceID: String, client: ACRClient, http: any HTTPClient, content: ContentStore)
    {
        self.instance = instance
        self.instanceID = instanceID
        self.client = client
        self.registry = ACRRegistryAccess(
            client: client, instanceID: instanceID, instance: instance, http: http, content: content)
    }

    public func probe() async throws {
        _ = try await client.call(.getInstance, ["InstanceId": instanceID]) as ACRInstanceRecord
    }

    // MARK: Browsing

    public func namespaces() -> AsyncThrowingStream<[Namespace], any Error> {
        let name = instance.name
        let pages: AsyncThrowingStream<[ACRNamespaceRecord], any Error> = client.pages(
            .listNamespace, ["InstanceId": instanceID], itemsKey: "Namespaces")
        return pages.mapPages { records in
            records.map { Self.namespace($0, instance: name) }
        }
    }

    public func repositories(namespace: String?) -> AsyncThrowingStream<[Repository], any Error> {
        let name = instance.name
        let ids = repositoryIDs
        let pages: AsyncThrowingStream<[ACRRepositoryRecord], any Error> = client.pages(
            .listRepository, ["InstanceId": instanceID, "RepoNamespaceName": namespace], itemsKey: "Repositories")
        return .producing { continuation in
            for try await page in pages {
                await ids.remember(page)
                continuation.yield(page.map { Self.repository($0, instance: name) })
            }
        }
    }

    /// ACR lists tags by push time, newest first, with their digests and times.
    public var listsNewestTagsFirst: Bool { true }

    public func tags(repository: String) -> AsyncThrowingStream<[Tag], any Error> {
        .producing { continuation in
            let repoID = try await repositoryID(repository)
            let pages: AsyncThrowingStream<[ACRTagRecord], any Error> = client.pages(
                .listRepoTag, ["InstanceId": instanceID, "RepoId": repoID], itemsKey: "Images")
            for try await page in pages { continuation.yield(page.map(Self.tag)) }
        }
    }

    /// The manifest's facts from the registry, with ACR's push time; a digest goes to the registry
    /// directly.
    public func tagDetails(repository: String, tag: String) async throws -> TagDetails {
        if Digest(tag) != nil {
            return try await registry.run { try await $0.tagDetails(repository: repository, tag: tag) }
        }
        let record = try await tagRecord(repository: repository, tag: tag)
        return try await registry.tagDetails(
            repository: repository, tag: tag, listedAt: record.digest, updated: record.ImageUpdate?.date)
    }

    public func currentDigest(repository: String, tag: String) async throws -> Digest? {
        if Digest(tag) != nil {
            return try await registry.run { try await $0.currentDigest(repository: repository, tag: tag) }
        }
        do {
            return try await tagRecord(repository: repository, tag: tag).digest
        } catch let error as RegistryError where error.code == .notFound {
            return nil
        }
    }

    public func artifact(_ reference: Reference) async throws -> Artifact {
        var resolved = reference
        if resolved.digest == nil, let tag = resolved.tag {
            resolved.digest = try await tagRecord(repository: reference.repository, tag: tag).digest
        }
        return try await registry.run { [resolved] in try await $0.artifact(resolved) }
    }

    public func referrers(repository: String, digest: Digest) async throws -> [Referrer] {
        try await registry.run { try await $0.referrers(repository: repository, digest: digest) }
    }

    /// ACR deletes tags, not manifests: every tag on `digest` is deleted, and ACR's garbage
    /// collection then removes the untagged manifest.
    public func deleteManifest(repository: String, digest: Digest) async throws {
        try instance.requireWritable(to: "delete")
        let repoID = try await repositoryID(repository)
        let pages: AsyncThrowingStream<[ACRTagRecord], any Error> = client.pages(
            .listRepoTag, ["InstanceId": instanceID, "RepoId": repoID], itemsKey: "Images")
        let tags = try await pages.collect().filter { $0.digest == digest }.map(\.Tag)
        guard !tags.isEmpty else {
            throw RegistryError(
                .notFound, "no tag of \(repository) points at \(digest.short)",
                hint: "refresh: it may have been deleted already")
        }
        for tag in tags {
            try await client.perform(.deleteRepoTag, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag])
        }
    }

    // MARK: Helpers shared by the extensions

    /// The RepoId of `namespace/name`, remembered from lists or looked up once.
    func repositoryID(_ repository: String) async throws -> String {
        if let known = await repositoryIDs.id(of: repository) { return known }
        let (namespace, name) = try Self.split(repository)
        let record: ACRRepositoryRecord = try await client.call(
            .getRepository, ["InstanceId": instanceID, "RepoNamespaceName": namespace, "RepoName": name])
        await repositoryIDs.remember([record])
        return record.RepoId
    }

    func tagRecord(repository: String, tag: String) async throws -> ACRTagRecord {
        try Tag.requireValidName(tag)
        let repoID = try await repositoryID(repository)
        return try await client.call(.getRepoTag, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag])
    }

    /// `(namespace, name)` of `namespace/name`.
    static func split(_ repository: String) throws -> (String, String) {
        guard let slash = repository.firstIndex(of: "/"), slash != repository.startIndex,
            repository.index(after: slash) != repository.endIndex
        else {
            throw RegistryError(
                .invalidReference, "'\(repository)' is not an ACR repository",
                hint: "ACR repositories are NAMESPACE/NAME")
        }
        return (String(repository[..<slash]), String(repository[repository.index(after: slash)...]))
    }

    static func tag(_ record: ACRTagRecord) -> Tag {
        let details = record.digest.map {
            TagDetails(
                digest: $0, mediaType: "", size: record.ImageSize.map { Int64($0.value) },
                created: record.ImageCreate?.date,
                platforms: [], updated: record.ImageUpdate?.date)
        }
        return Tag(name: record.Tag, details: details)
    }

    static func namespace(_ record: ACRNamespaceRecord, instance: String) -> Namespace {
        Namespace(
            instance: instance, name: record.NamespaceName,
            visibility: record.DefaultRepoType.flatMap(RepositoryVisibility.init(rawValue:)),
            autoCreateRepositories: record.AutoCreateRepo, serverID: record.NamespaceId, state: record.NamespaceStatus)
    }

    static func repository(_ record: ACRRepositoryRecord, instance: String) -> Repository {
        Repository(
            instance: instance, name: record.fullName, updated: record.ModifiedTime?.date, summary: record.Summary,
            visibility: record.RepoType.flatMap(RepositoryVisibility.init(rawValue:)),
            tagImmutability: record.TagImmutability,
            serverID: record.RepoId, state: record.RepoStatus)
    }
}

extension ACRProvider {
    /// The instance's own rules, which ACR runs.
    public func lifecycleRuleStore(directories: XDGDirectories) -> any LifecycleRuleStore {
        ACRLifecycleRuleStore(client: client, instanceID: instanceID, instance: instance, directories: directories)
    }
}
