import Foundation

extension DistributionProvider {
    private struct TagsPage: Decodable, Sendable {
        var tags: [String]?  // JSON null once every tag was deleted
    }

    public func tags(repository: String) -> AsyncThrowingStream<[Tag], any Error> {
        let path: String
        do {
            path = try DistributionPath.repository(repository, "tags", "list")
        } catch {
            return .producing { _ in throw error }
        }
        let call = DistributionAPI.Call(
            target: .path(path, query: [URLQueryItem(name: "n", value: "1000")]),
            scopes: [.pull(repository)], operation: "listing tags of \(repository)", subject: .repository(repository))
        return pages(first: call, decode: TagsPage.self) { page in (page.tags ?? []).map { Tag(name: $0) } }
    }

    public func currentDigest(repository: String, tag: String) async throws -> Digest? {
        let response = try await api.send(
            .init(
                method: .head, target: .path(try DistributionPath.manifest(repository, tag)),
                scopes: [.pull(repository)],
                accept: MediaType.manifestAccept, allowed: [404], operation: "resolving \(repository):\(tag)",
                subject: .manifest(repository: repository, reference: tag)))
        guard response.status != 404 else { return nil }
        if let header = response.headers["Docker-Content-Digest"], let digest = Digest(header) { return digest }
        return try await fetchManifest(repository: repository, reference: tag).digest
    }

    /// With the likely digest's manifest in the content cache, a `HEAD` request says where the tag
    /// points now and the rest comes from the cache; else the manifest is fetched by tag.
    public func tagDetails(repository: String, tag: String, likelyDigest: Digest?) async throws -> TagDetails {
        guard let likelyDigest, await content.data(for: likelyDigest) != nil else {
            return try await tagDetails(repository: repository, tag: tag)
        }
        guard let digest = try await currentDigest(repository: repository, tag: tag) else {
            throw RegistryError(.notFound, "\(repository):\(tag) no longer exists", hint: "refresh the list")
        }
        let manifest = try await fetchManifest(repository: repository, reference: digest.description, cached: true)
        return try await artifact(
            from: manifest, reference: Reference(locator: instance.name, repository: repository, tag: tag),
            complete: false
        ).details
    }

    public func tagDetails(repository: String, tag: String) async throws -> TagDetails {
        let manifest = try await fetchManifest(repository: repository, reference: tag)
        return try await artifact(
            from: manifest, reference: Reference(locator: instance.name, repository: repository, tag: tag),
            complete: false
        ).details
    }
}
