import Foundation

/// ACR Personal Edition (个人版) of one region and account: namespaces, repositories, tags, scans,
/// webhooks and builds through the 2016-06-07 API; manifests, layers and referrers through the
/// region's registry with the temporary login the API hands out.
///
/// Repositories are `NAMESPACE/NAME`. Tags come with ACR's size and push times, so lists need no
/// manifest reads. Lifecycle rules do not exist here: the protocol's default, rules in the data
/// directory applied by regconsole, serves the rules pane.
public struct ACRPersonalProvider: RegistryProvider, ServerScanning, NamespaceManaging, RepositoryManaging {
    public let instance: Instance
    let client: ACRPersonalClient
    let registry: ACRRegistryAccess

    /// Creates a provider for `instance`.
    /// - Parameter registryHost: the registry's `HOST[:PORT]`; nil for the one the API reports for
    ///   a repository, else `registry.<region>.aliyuncs.com`.
    public init(
        instance: Instance, client: ACRPersonalClient, registryHost: String?, http: any HTTPClient,
        content: ContentStore
    ) {
        self.instance = instance
        self.client = client
        self.registry = ACRRegistryAccess(instance: instance, http: http, content: content) {
            let host = try await Self.registryHost(client: client, configured: registryHost)
            let token: ACRPersonalToken = try await client.call(
                ACRPersonalRequest("GetAuthorizationToken", path: ["tokens"]))
            return ACRRegistryAccess.Login(
                url: try ACRRegistryAccess.registryURL(host), username: token.tempUserName,
                password: token.authorizationToken, expires: token.expireDate?.knownDate)
        }
    }

    /// The instance an `edition = "personal"` entry stands for.
    public static func instance(for entry: InstanceConfig, credentialSource: String, forceReadOnly: Bool) -> Instance {
        Instance(
            name: entry.name, kind: .acr, url: nil, region: entry.region, origin: .config, insecure: entry.insecure,
            readOnly: entry.readOnly || forceReadOnly, production: entry.production,
            specification: specification, credentialSource: credentialSource)
    }

    /// The `specification` of a Personal Edition instance, which the instances pane translates.
    public static let specification = "Personal"

    public func probe() async throws {
        _ =
            try await client.call(ACRPersonalRequest("GetNamespaceList", path: ["namespace"]))
            as ACRPersonalNamespaceList
    }

    // MARK: Browsing

    /// The namespaces with their settings: the list names them, and each one's settings take a call
    /// (an account has a few), made in parallel before the one page is yielded.
    public func namespaces() -> AsyncThrowingStream<[Namespace], any Error> {
        let name = instance.name
        let client = client
        return .producing { continuation in
            let list: ACRPersonalNamespaceList = try await client.call(
                ACRPersonalRequest("GetNamespaceList", path: ["namespace"]))
            let detailed = try await BoundedConcurrency.map(list.namespaces, limit: 8) { record in
                let detail: ACRPersonalNamespaceDetail = try await client.call(
                    ACRPersonalRequest("GetNamespace", path: ["namespace", record.namespace]))
                return Self.namespace(detail.namespace, instance: name)
            }
            if !detailed.isEmpty { continuation.yield(detailed) }
        }
    }

    public func repositories(namespace: String?) -> AsyncThrowingStream<[Repository], any Error> {
        let name = instance.name
        let request =
            namespace.map { ACRPersonalRequest("GetRepoListByNamespace", path: ["repos", $0]) }
            ?? ACRPersonalRequest("GetRepoList", path: ["repos"])
        let pages: AsyncThrowingStream<[ACRPersonalRepositoryRecord], any Error> = client.pages(
            request, itemsKey: "repos")
        return pages.mapPages { records in records.map { Self.repository($0, instance: name) } }
    }

    /// ACR lists tags by push time, newest first, with their digests and times.
    public var listsNewestTagsFirst: Bool { true }

    public func tags(repository: String) -> AsyncThrowingStream<[Tag], any Error> {
        let client = client
        return .producing { continuation in
            let pages: AsyncThrowingStream<[ACRPersonalTagRecord], any Error> = client.pages(
                try Self.tagsRequest(repository), itemsKey: "tags")
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
            repository: repository, tag: tag, listedAt: Digest(acr: record.digest), updated: record.imageUpdate?.date)
    }

    public func currentDigest(repository: String, tag: String) async throws -> Digest? {
        if Digest(tag) != nil {
            return try await registry.run { try await $0.currentDigest(repository: repository, tag: tag) }
        }
        do {
            return Digest(acr: try await tagRecord(repository: repository, tag: tag).digest)
        } catch let error as RegistryError where error.code == .notFound {
            return nil
        }
    }

    public func artifact(_ reference: Reference) async throws -> Artifact {
        var resolved = reference
        if resolved.digest == nil, let tag = resolved.tag {
            resolved.digest = Digest(acr: try await tagRecord(repository: reference.repository, tag: tag).digest)
        }
        return try await registry.run { [resolved] in try await $0.artifact(resolved) }
    }

    public func referrers(repository: String, digest: Digest) async throws -> [Referrer] {
        try await registry.run { try await $0.referrers(repository: repository, digest: digest) }
    }

    /// ACR deletes tags, not manifests: every tag on `digest` is deleted (DeleteImage).
    public func deleteManifest(repository: String, digest: Digest) async throws {
        try instance.requireWritable(to: "delete")
        let pages: AsyncThrowingStream<[ACRPersonalTagRecord], any Error> = client.pages(
            try Self.tagsRequest(repository), itemsKey: "tags")
        let tags = try await pages.collect().filter { Digest(acr: $0.digest) == digest }.map(\.tag)
        guard !tags.isEmpty else {
            throw RegistryError(
                .notFound, "no tag of \(repository) points at \(digest.short)",
                hint: "refresh: it may have been deleted already")
        }
        for tag in tags {
            try await client.perform(
                ACRPersonalRequest("DeleteImage", .delete, path: try Self.repositoryPath(repository) + ["tags", tag]))
        }
    }

    // MARK: Helpers shared by the extensions

    func tagRecord(repository: String, tag: String) async throws -> ACRPersonalTagRecord {
        try Tag.requireValidName(tag)
        return try await client.call(
            ACRPersonalRequest("GetRepoTag", path: try Self.repositoryPath(repository) + ["tags", tag]))
    }

    /// `["repos", namespace, name]`.
    static func repositoryPath(_ repository: String) throws -> [String] {
        let (namespace, name) = try ACRProvider.split(repository)
        return ["repos", namespace, name]
    }

    private static func tagsRequest(_ repository: String) throws -> ACRPersonalRequest {
        ACRPersonalRequest("GetRepoTags", path: try repositoryPath(repository) + ["tags"])
    }

    /// The configured host, else the public domain the API reports for the first repository, else
    /// the region's registry.
    private static func registryHost(client: ACRPersonalClient, configured: String?) async throws -> String {
        if let configured { return configured }
        var request = ACRPersonalRequest("GetRepoList", path: ["repos"])
        request.query = [("Page", "1"), ("PageSize", "1")]
        let page: ACRPersonalPage<ACRPersonalRepositoryRecord> = try await client.call(request, itemsKey: "repos")
        if let reported = page.items.first?.repoDomainList?.public, !reported.isEmpty { return reported }
        return "registry.\(client.region).aliyuncs.com"
    }

    static func tag(_ record: ACRPersonalTagRecord) -> Tag {
        let details = Digest(acr: record.digest).map {
            TagDetails(
                digest: $0, mediaType: "", size: record.imageSize.map { Int64($0.value) },
                created: record.imageCreate?.date, platforms: [], updated: record.imageUpdate?.date)
        }
        return Tag(name: record.tag, details: details)
    }

    static func namespace(_ record: ACRPersonalNamespaceRecord, instance: String) -> Namespace {
        Namespace(
            instance: instance, name: record.namespace,
            visibility: record.defaultVisibility.flatMap { RepositoryVisibility(rawValue: $0.uppercased()) },
            autoCreateRepositories: record.autoCreate?.flag, state: record.namespaceStatus)
    }

    static func repository(_ record: ACRPersonalRepositoryRecord, instance: String) -> Repository {
        Repository(
            instance: instance, name: record.fullName, updated: record.gmtModified?.knownDate,
            summary: record.summary,
            visibility: record.repoType.flatMap { RepositoryVisibility(rawValue: $0.uppercased()) },
            serverID: record.repoId?.text, state: record.repoStatus)
    }
}

extension ACRPersonalProvider: RegistryLoginIssuing {
    /// The API decides how long Personal Edition's credentials last (`hours` is not sent); the
    /// login's `expires` says when they end.
    public func registryLogin(hours: Int) async throws -> RegistryLogin {
        let login = try await registry.freshLogin()
        return RegistryLogin(
            host: Instance.hostAndPort(login.url), username: login.username, password: login.password,
            expires: login.expires)
    }
}
