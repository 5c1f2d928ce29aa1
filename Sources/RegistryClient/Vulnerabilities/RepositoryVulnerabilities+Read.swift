import Foundation

extension RepositoryVulnerabilities {
    /// Reads a repository's tagged images and their newest reports.
    ///
    /// Tags listed with their details (ACR) need no further request, and a provider that lists
    /// the newest push first is read one page deep for the newest scope. Plain registries list
    /// names only: up to `readAllBelow` tags every tag's digest and `created` are read; beyond
    /// that the candidates are the eight highest versions, the last eight names and `latest`.
    /// With `previous` (the last read), tags are checked with `HEAD` and manifests and configs
    /// come from the content cache, and a report whose origin is unchanged is not read again.
    ///
    /// The newest image's report is always read; older images' reports in the `all` scope, or
    /// for the newest scope up to `olderReports` of them when the provider reads reports from
    /// the registry (where the tag list already says which images have any).
    public static func read(
        repository: String, provider: any RegistryProvider, scope: TagScope = .newest,
        previous: RepositoryVulnerabilities? = nil, readAllBelow: Int = 64, olderReports: Int = 8
    ) async throws -> RepositoryVulnerabilities {
        var listed: [Tag] = []
        for try await page in provider.tags(repository: repository) {
            listed += page
            if scope == .newest, provider.listsNewestTagsFirst { break }
        }
        let tags = listed.filter { !$0.isReferrersTag }
        let detailed = try await details(
            of: candidates(tags, readAllBelow: readAllBelow), repository: repository, provider: provider,
            previous: previous)
        var result = RepositoryVulnerabilities(repository: repository, images: images(of: detailed))
        for tag in detailed { result.tagDigests[tag.name] = tag.details?.digest }
        let olderLimit =
            switch scope {
            case .all: result.images.count - 1
            case .newest: provider is any ServerScanning ? 0 : olderReports
            }
        let hints = ScanHints(listedTags: Set(listed.map(\.name)))
        let checked = Array(result.images.prefix(1 + max(0, olderLimit)))
        let reports = try await BoundedConcurrency.map(checked, limit: 4) { image in
            var imageHints = hints
            imageHints.known = previous?.image(image.digest)?.report
            return try await provider.latestReport(
                repository: repository, tag: image.tags.first, digest: image.digest, hints: imageHints)
        }
        for (index, report) in reports.enumerated() {
            result.images[index].report = report
            result.images[index].checked = true
        }
        return result
    }

    /// The tags whose details are read: all of them, or for a long list the likely newest.
    private static func candidates(_ tags: [Tag], readAllBelow: Int) -> [Tag] {
        guard tags.count > readAllBelow, !tags.allSatisfy({ $0.details != nil }) else { return tags }
        let versions = TagOrder.semver.sorted(tags).filter { SemanticVersion($0.name) != nil }.suffix(8)
        let names = TagOrder.name.sorted(tags).suffix(8)
        return Array(Set(versions + names + tags.filter { $0.name == "latest" }))
    }

    /// The tags with their details, read where the listing had none (a tag deleted meanwhile is
    /// left out).
    private static func details(
        of tags: [Tag], repository: String, provider: any RegistryProvider, previous: RepositoryVulnerabilities?
    ) async throws -> [Tag] {
        let read = try await BoundedConcurrency.map(tags, limit: 8) { tag -> Tag? in
            if tag.details != nil { return tag }
            do {
                let details = try await provider.tagDetails(
                    repository: repository, tag: tag.name, likelyDigest: previous?.tagDigests[tag.name])
                return Tag(name: tag.name, details: details)
            } catch let error as RegistryError where error.code == .notFound {
                return nil
            }
        }
        return read.compactMap { $0 }
    }

    /// Tags grouped by digest into images, newest first.
    private static func images(of tags: [Tag]) -> [ImageVulnerabilities] {
        var images: [ImageVulnerabilities] = []
        var position: [Digest: Int] = [:]
        for tag in TagOrder.created.sorted(tags) {
            guard let details = tag.details else { continue }
            if let index = position[details.digest] {
                images[index].tags.append(tag.name)
            } else {
                position[details.digest] = images.count
                images.append(ImageVulnerabilities(digest: details.digest, tags: [tag.name], created: details.created))
            }
        }
        return images
    }
}
