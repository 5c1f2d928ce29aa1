import Foundation

extension DistributionProvider {
    /// Uploads a blob unless the repository already has it (monolithic: POST, then PUT with the digest).
    func uploadBlob(repository: String, data: Data) async throws -> Digest {
        let digest = Digest.sha256(of: data)
        let existing = try await api.send(
            .init(
                method: .head, target: .path(try DistributionPath.blob(repository, digest)),
                scopes: [.push(repository)], allowed: [404], operation: "checking blob \(digest.short) in \(repository)"
            ))
        if existing.isSuccess { return digest }
        let started = try await api.send(
            .init(
                method: .post, target: .path(try DistributionPath.repository(repository, "blobs", "uploads") + "/"),
                scopes: [.push(repository)], body: Data(), operation: "starting an upload to \(repository)"))
        guard let location = started.headers["Location"], var upload = URLComponents(string: location) else {
            throw RegistryError(
                .invalidResponse, "\(instance.name) started an upload to \(repository) without a Location",
                hint: "the registry is not following the distribution spec")
        }
        upload.queryItems = (upload.queryItems ?? []) + [URLQueryItem(name: "digest", value: digest.description)]
        guard let target = upload.url(relativeTo: api.baseURL)?.absoluteURL else {
            throw RegistryError(.invalidResponse, "\(instance.name) answered an unusable upload Location '\(location)'")
        }
        _ = try await api.send(
            .init(
                method: .put, target: .url(target), scopes: [.push(repository)], body: data,
                contentType: "application/octet-stream",
                operation: "uploading blob \(digest.short) to \(repository)",
                subject: .blob(repository: repository, digest: digest.description)))
        return digest
    }

    /// Stores a manifest under a tag or its digest; returns the digest and the `OCI-Subject` header
    /// a registry with the referrers API sends.
    func putManifest(
        repository: String, reference: String, data: Data, mediaType: String
    ) async throws -> (digest: Digest, ociSubject: String?) {
        let response = try await api.send(
            .init(
                method: .put, target: .path(try DistributionPath.manifest(repository, reference)),
                scopes: [.push(repository)], body: data, contentType: mediaType,
                operation: "storing manifest \(repository):\(reference)",
                subject: .manifest(repository: repository, reference: reference)))
        return (Digest.sha256(of: data), response.headers["OCI-Subject"])
    }

    /// A blob, verified against its digest.
    public func blob(repository: String, digest: Digest, limit: Int = 64 << 20) async throws -> Data {
        let response = try await api.send(
            .init(
                target: .path(try DistributionPath.blob(repository, digest)), scopes: [.pull(repository)], limit: limit,
                operation: "fetching blob \(digest.short) of \(repository)",
                subject: .blob(repository: repository, digest: digest.description)))
        guard digest.matches(response.body) != false else {
            throw RegistryError(
                .digestMismatch, "blob \(digest) of \(repository) does not match its digest",
                hint: "the registry served wrong content")
        }
        return response.body
    }
}
