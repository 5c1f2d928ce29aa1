import Foundation

extension DistributionProvider {
    /// The referrers API (`/v2/<name>/referrers/<digest>`), else the `sha256-<hex>` tag fallback.
    /// Registry 2.8 has no API and answers a plain-text 404.
    public func referrers(repository: String, digest: Digest) async throws -> [Referrer] {
        let api = try await self.api.send(
            .init(
                target: .path("/v2/\(DistributionAPI.pathEncode(repository))/referrers/\(digest)"), scopes: [.pull(repository)],
                accept: MediaType.ociIndex, allowed: [400, 404, 405], operation: "listing referrers of \(repository)@\(digest.short)"))
        if api.isSuccess, MediaType.essence(api.headers["Content-Type"] ?? "") == MediaType.ociIndex {
            let index = try self.api.decode(ImageIndex.self, from: api, operation: "reading referrers of \(repository)@\(digest.short)")
            return index.manifests.map { Referrer(descriptor: $0, discovery: .api) }
        }
        let fallback = try await self.api.send(
            .init(
                target: .path(manifestPath(repository, digest.referrersFallbackTag)), scopes: [.pull(repository)],
                accept: MediaType.ociIndex, limit: HTTPRequest.manifestLimit, allowed: [404],
                operation: "reading the referrers tag \(digest.referrersFallbackTag) of \(repository)"))
        guard fallback.isSuccess, let index = try? JSONDecoder().decode(ImageIndex.self, from: fallback.body) else { return [] }
        return index.manifests.map { Referrer(descriptor: $0, discovery: .tagFallback) }
    }
}
