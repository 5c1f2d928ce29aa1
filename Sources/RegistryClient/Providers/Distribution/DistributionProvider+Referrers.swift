import Foundation

extension DistributionProvider {
    /// The referrers API (`/v2/<name>/referrers/<digest>`), else the `sha256-<hex>` tag fallback.
    /// Registry 2.8 has no API and answers a plain-text 404.
    public func referrers(repository: String, digest: Digest) async throws -> [Referrer] {
        if referrersAPI.isKnownAbsent { return try await fallbackReferrers(repository: repository, subject: digest) }
        let answer = try await api.send(
            .init(
                target: .path(try DistributionPath.repository(repository, "referrers", digest.description)),
                scopes: [.pull(repository)],
                accept: MediaType.ociIndex, allowed: [400, 404, 405],
                operation: "listing referrers of \(repository)@\(digest.short)"))
        let isIndex = answer.isSuccess && MediaType.essence(answer.headers["Content-Type"] ?? "") == MediaType.ociIndex
        referrersAPI.record(answer, isIndex: isIndex)
        if isIndex {
            let index = try api.decode(
                ImageIndex.self, from: answer, operation: "reading referrers of \(repository)@\(digest.short)")
            return index.manifests.map { Referrer(descriptor: $0, discovery: .api) }
        }
        return try await fallbackReferrers(repository: repository, subject: digest)
    }

    private func fallbackReferrers(repository: String, subject: Digest) async throws -> [Referrer] {
        try await fallbackIndex(repository: repository, subject: subject)?.manifests.map {
            Referrer(descriptor: $0, discovery: .tagFallback)
        } ?? []
    }

    /// The referrers index stored under the subject's fallback tag, nil when there is none.
    private func fallbackIndex(repository: String, subject: Digest) async throws -> ImageIndex? {
        let response = try await api.send(
            .init(
                target: .path(try DistributionPath.manifest(repository, subject.referrersFallbackTag)),
                scopes: [.pull(repository)],
                accept: MediaType.ociIndex, limit: HTTPRequest.manifestLimit, allowed: [404],
                operation: "reading the referrers tag \(subject.referrersFallbackTag) of \(repository)"))
        guard response.isSuccess else { return nil }
        return try? JSONDecoder().decode(ImageIndex.self, from: response.body)
    }

    /// Attaches `payload` to `subject` as an OCI artifact: the empty config, one layer, `subject` and
    /// `artifactType` set. Without a referrers API the artifact is added to the subject's fallback
    /// tag index, keeping every referrer already listed there.
    public func attach(
        repository: String, subject: Descriptor, artifactType: String, payload: Data, payloadMediaType: String,
        annotations: [String: String]
    ) async throws -> Referrer {
        try instance.requireWritable(to: "push")
        let empty = Data("{}".utf8)
        _ = try await uploadBlob(repository: repository, data: empty)
        let layer = try await uploadBlob(repository: repository, data: payload)
        let manifest = ImageManifest(
            mediaType: MediaType.ociManifest, artifactType: artifactType,
            config: Descriptor(
                mediaType: MediaType.ociEmpty, digest: Digest.sha256(of: empty), size: Int64(empty.count)),
            layers: [Descriptor(mediaType: payloadMediaType, digest: layer, size: Int64(payload.count))],
            subject: subject, annotations: annotations)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = try encoder.encode(manifest)
        let stored = try await putManifest(
            repository: repository, reference: Digest.sha256(of: bytes).description, data: bytes,
            mediaType: MediaType.ociManifest)
        let descriptor = Descriptor(
            mediaType: MediaType.ociManifest, digest: stored.digest, size: Int64(bytes.count),
            artifactType: artifactType, annotations: annotations)
        if stored.ociSubject == subject.digest.description {
            return Referrer(descriptor: descriptor, discovery: .api)
        }
        var index =
            try await fallbackIndex(repository: repository, subject: subject.digest)
            ?? ImageIndex(mediaType: MediaType.ociIndex, manifests: [])
        index.manifests.removeAll { $0.digest == descriptor.digest }
        index.manifests.append(descriptor)
        _ = try await putManifest(
            repository: repository, reference: subject.digest.referrersFallbackTag, data: try encoder.encode(index),
            mediaType: MediaType.ociIndex)
        return Referrer(descriptor: descriptor, discovery: .tagFallback)
    }
}
