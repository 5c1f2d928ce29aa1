import Foundation

extension DistributionProvider {
    /// A manifest as served: its bytes, their digest and media type.
    struct FetchedManifest: Sendable {
        var digest: Digest
        var mediaType: String
        var data: Data
    }

    /// Fetches a manifest by tag or digest with the full `Accept` list. The digest is the hash of
    /// the bytes; fetched by digest, the bytes must match it.
    /// - Parameter cached: take a digest's bytes from the cache (for children of an index that was
    ///   just fetched, whose existence is implied).
    func fetchManifest(repository: String, reference: String, cached: Bool = false) async throws -> FetchedManifest {
        let requested = Digest(reference)
        if cached, let requested, let cached = await content.data(for: requested) {
            return FetchedManifest(
                digest: requested, mediaType: Self.mediaType(of: cached, contentType: nil), data: cached)
        }
        let response = try await api.send(
            .init(
                target: .path(try DistributionPath.manifest(repository, reference)), scopes: [.pull(repository)],
                accept: MediaType.manifestAccept,
                limit: HTTPRequest.manifestLimit, operation: "fetching manifest \(repository)@\(reference)",
                subject: .manifest(repository: repository, reference: reference)))
        let digest = Digest.sha256(of: response.body)
        if let requested, requested.algorithm == "sha256", requested != digest {
            throw RegistryError(
                .digestMismatch, "manifest \(repository)@\(requested) from \(instance.name) hashes to \(digest)",
                hint: "the registry or a proxy served wrong content; do not trust this image")
        }
        if let header = response.headers["Docker-Content-Digest"].flatMap(Digest.init), header.algorithm == "sha256",
            header != digest
        {
            throw RegistryError(
                .digestMismatch,
                "\(instance.name) says \(repository):\(reference) is \(header) but its bytes hash to \(digest)",
                hint: "the registry converted or altered the manifest")
        }
        await content.store(verified: response.body, for: digest)
        return FetchedManifest(
            digest: digest, mediaType: Self.mediaType(of: response.body, contentType: response.headers["Content-Type"]),
            data: response.body)
    }

    /// The media type: the `Content-Type` when it is a manifest type, else the body's `mediaType`.
    static func mediaType(of data: Data, contentType: String?) -> String {
        if let contentType {
            let essence = MediaType.essence(contentType)
            if MediaType.isIndex(essence) || MediaType.isManifest(essence) { return essence }
        }
        struct Probe: Decodable {
            var mediaType: String?
            var manifests: [Descriptor]?
        }
        let probe = try? JSONDecoder().decode(Probe.self, from: data)
        return probe?.mediaType ?? (probe?.manifests != nil ? MediaType.ociIndex : MediaType.ociManifest)
    }

    /// A config blob, verified against its digest and cached.
    func fetchConfig(repository: String, descriptor: Descriptor) async throws -> ImageConfig? {
        guard descriptor.mediaType == MediaType.ociConfig || descriptor.mediaType == MediaType.dockerConfig else {
            return nil
        }
        let data = try await content.data(for: descriptor.digest) { [api] in
            let response = try await api.send(
                .init(
                    target: .path(try DistributionPath.blob(repository, descriptor.digest)),
                    scopes: [.pull(repository)],
                    limit: HTTPRequest.jsonLimit,
                    operation: "fetching config \(descriptor.digest.short) of \(repository)",
                    subject: .blob(repository: repository, digest: descriptor.digest.description)))
            let verified = descriptor.digest.matches(response.body)
            guard verified != false else {
                throw RegistryError(
                    .digestMismatch, "config blob \(descriptor.digest) of \(repository) does not match its digest",
                    hint: "the registry served wrong content")
            }
            return (response.body, verified == true)
        }
        return try api.decode(
            ImageConfig.self, from: HTTPResponse(status: 200, body: data, url: api.baseURL),
            operation: "reading config \(descriptor.digest.short) of \(repository)")
    }

    /// Decodes a fetched manifest into an artifact; for an index, fetches every child and the
    /// configs needed for sizes, creation times and platforms.
    func artifact(from manifest: FetchedManifest, reference: Reference, complete: Bool) async throws -> Artifact {
        let repository = reference.repository
        let operation = "reading manifest \(repository)@\(manifest.digest.short)"
        let wrapped = HTTPResponse(status: 200, body: manifest.data, url: api.baseURL)
        let content: Artifact.Content
        if MediaType.isIndex(manifest.mediaType) {
            let index = try api.decode(ImageIndex.self, from: wrapped, operation: operation)
            var children: [Artifact.Child] = []
            for descriptor in index.manifests {
                guard descriptor.isPlatformImage, MediaType.isManifest(descriptor.mediaType) else {
                    children.append(Artifact.Child(descriptor: descriptor, image: nil))
                    continue
                }
                let child = try await fetchManifest(
                    repository: repository, reference: descriptor.digest.description, cached: true)
                let needsConfig = complete || !children.contains { $0.image != nil }
                let image = try await self.image(child, repository: repository, withConfig: needsConfig)
                children.append(Artifact.Child(descriptor: descriptor, image: image))
            }
            content = .index(index, children: children)
        } else {
            content = .image(try await image(manifest, repository: repository, withConfig: true))
        }
        let referrers = complete ? try await self.referrers(repository: repository, digest: manifest.digest) : []
        var resolved = reference
        resolved.digest = manifest.digest
        return Artifact(
            reference: resolved, digest: manifest.digest, mediaType: manifest.mediaType, rawManifest: manifest.data,
            content: content, referrers: referrers)
    }

    private func image(_ manifest: FetchedManifest, repository: String, withConfig: Bool) async throws -> Artifact.Image
    {
        let decoded = try api.decode(
            ImageManifest.self, from: HTTPResponse(status: 200, body: manifest.data, url: api.baseURL),
            operation: "reading manifest \(repository)@\(manifest.digest.short)")
        let config = withConfig ? try await fetchConfig(repository: repository, descriptor: decoded.config) : nil
        return Artifact.Image(digest: manifest.digest, manifest: decoded, config: config)
    }

    public func artifact(_ reference: Reference) async throws -> Artifact {
        guard let identifier = reference.manifestIdentifier else {
            throw RegistryError(
                .invalidReference, "'\(reference)' names no tag or digest", hint: "add :TAG or @sha256:…")
        }
        let manifest = try await fetchManifest(repository: reference.repository, reference: identifier)
        return try await artifact(from: manifest, reference: reference, complete: true)
    }
}
