import Foundation

extension DistributionProvider: ReferrerAttaching {
    /// Reports attached as referrers (API or tag fallback), newest first by their creation annotation;
    /// the first one is read. A broken newest report is an error, not silently skipped.
    public func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        if case .found(let report, _) = try await newestReport(
            repository: repository, digest: digest, hints: ScanHints())
        {
            return report
        }
        return nil
    }

    public func latestReport(
        repository: String, tag: String?, digest: Digest, hints: ScanHints
    ) async throws -> ImageReport? {
        switch try await newestReport(repository: repository, digest: digest, hints: hints) {
        case .none: nil
        case .known: hints.known
        case .found(let report, let origin):
            ImageReport(report, source: ImageReport.referrerSource, origin: origin.description)
        }
    }

    private enum ReportLookup {
        case none
        /// The newest report is the one `ScanHints.known` holds.
        case known
        case found(ScanReport, origin: Digest)
    }

    private func newestReport(repository: String, digest: Digest, hints: ScanHints) async throws -> ReportLookup {
        if referrersAPI.isKnownAbsent, let listed = hints.listedTags, !listed.contains(digest.referrersFallbackTag) {
            return .none
        }
        // Newest first; among equal timestamps the one listed later (added later) first.
        let candidates = try await referrers(repository: repository, digest: digest)
            .filter { ScanReportFormat.referrerTypes.contains($0.artifactType) }
            .enumerated().sorted { (Self.created($0.element), $0.offset) > (Self.created($1.element), $1.offset) }.map(
                \.element)
        for referrer in candidates {
            if let known = hints.known, known.origin == referrer.descriptor.digest.description { return .known }
            let manifest = try await fetchManifest(
                repository: repository, reference: referrer.descriptor.digest.description, cached: true)
            let decoded = try api.decode(
                ImageManifest.self, from: HTTPResponse(status: 200, body: manifest.data, url: api.baseURL),
                operation: "reading referrer \(referrer.descriptor.digest.short)")
            guard let layer = decoded.layers.first else { continue }
            let payload = try await blob(repository: repository, digest: layer.digest)
            let source = "\(instance.name)/\(repository)@\(referrer.descriptor.digest.short) (\(referrer.artifactType))"
            do {
                return .found(try ScanReportParser.parse(payload, source: source), origin: referrer.descriptor.digest)
            } catch {
                // A generic `application/json` referrer may be something else entirely: look further.
                if referrer.artifactType == "application/json" { continue }
                throw error
            }
        }
        return .none
    }

    public func subjectDescriptor(repository: String, reference: String) async throws -> Descriptor {
        let manifest = try await fetchManifest(repository: repository, reference: reference)
        return Descriptor(mediaType: manifest.mediaType, digest: manifest.digest, size: Int64(manifest.data.count))
    }

    private static func created(_ referrer: Referrer) -> String {
        referrer.descriptor.annotations?["org.opencontainers.image.created"] ?? ""
    }
}
