import Foundation

extension DistributionProvider: ReferrerAttaching {
    /// Reports attached as referrers (API or tag fallback), newest first by their creation annotation;
    /// the first one is read. A broken newest report is an error, not silently skipped.
    public func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        // Newest first; among equal timestamps the one listed later (added later) first.
        let candidates = try await referrers(repository: repository, digest: digest)
            .filter { ScanReportFormat.referrerTypes.contains($0.artifactType) }
            .enumerated().sorted { (Self.created($0.element), $0.offset) > (Self.created($1.element), $1.offset) }.map(
                \.element)
        for referrer in candidates {
            let manifest = try await fetchManifest(
                repository: repository, reference: referrer.descriptor.digest.description, cached: true)
            let decoded = try api.decode(
                ImageManifest.self, from: HTTPResponse(status: 200, body: manifest.data, url: api.baseURL),
                operation: "reading referrer \(referrer.descriptor.digest.short)")
            guard let layer = decoded.layers.first else { continue }
            let payload = try await blob(repository: repository, digest: layer.digest)
            let source = "\(instance.name)/\(repository)@\(referrer.descriptor.digest.short) (\(referrer.artifactType))"
            do {
                return try ScanReportParser.parse(payload, source: source)
            } catch {
                // A generic `application/json` referrer may be something else entirely: look further.
                if referrer.artifactType == "application/json" { continue }
                throw error
            }
        }
        return nil
    }

    public func subjectDescriptor(repository: String, reference: String) async throws -> Descriptor {
        let manifest = try await fetchManifest(repository: repository, reference: reference)
        return Descriptor(mediaType: manifest.mediaType, digest: manifest.digest, size: Int64(manifest.data.count))
    }

    private static func created(_ referrer: Referrer) -> String {
        referrer.descriptor.annotations?["org.opencontainers.image.created"] ?? ""
    }
}
