extension DistributionProvider {
    /// `DELETE /v2/<name>/manifests/<digest>`: removes the manifest and every tag on it in this
    /// repository. Registries delete only by digest (2.8 answers a tag with 400 DIGEST_INVALID).
    public func deleteManifest(repository: String, digest: Digest) async throws {
        try instance.requireWritable(to: "delete")
        _ = try await api.send(
            .init(
                method: .delete, target: .path(try DistributionPath.manifest(repository, digest.description)),
                scopes: [.delete(repository)],
                operation: "deleting \(repository)@\(digest.short)",
                subject: .manifest(repository: repository, reference: digest.description)))
    }
}
