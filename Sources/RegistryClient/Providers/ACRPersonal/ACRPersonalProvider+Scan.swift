/// ACR's own scanner on Personal Edition: start a scan, follow it, read its findings.
extension ACRPersonalProvider {
    public func startScan(repository: String, tag: String) async throws {
        try await client.perform(
            ACRPersonalRequest("StartImageScan", .put, path: try Self.tagPath(repository, tag, "scan")))
    }

    public func scanState(repository: String, tag: String) async throws -> ServerScanState {
        let status: ACRPersonalScanStatus = try await client.call(
            ACRPersonalRequest("GetRepoTagScanStatus", path: try Self.tagPath(repository, tag, "scanStatus")))
        return ACRProvider.scanState(status.status)
    }

    public func scanSummary(repository: String, tag: String) async throws -> [Severity: Int] {
        let count: ACRPersonalScanCount = try await client.call(
            ACRPersonalRequest("GetRepoTagScanSummary", path: try Self.tagPath(repository, tag, "scanCount")))
        return [
            .high: count.highCount?.value ?? 0, .medium: count.mediumCount?.value ?? 0,
            .low: count.lowCount?.value ?? 0, .unknown: count.unknownCount?.value ?? 0,
        ]
    }

    /// The findings of the tag's last complete scan; nil when it was never scanned or is scanning.
    /// A digest without a tag is looked up among the repository's tags.
    public func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        try await serverScanReport(repository: repository, tag: tag, digest: digest, scanner: "ACR") { tag in
            let pages: AsyncThrowingStream<[ACRPersonalVulnerabilityRecord], any Error> = client.pages(
                ACRPersonalRequest("GetRepoTagScanList", path: try Self.tagPath(repository, tag, "scanResult")),
                itemsKey: "vulnerabilities")
            return try await pages.collect().compactMap(Self.finding)
        }
    }

    /// `repos/NS/NAME/tags/TAG/LEAF`.
    private static func tagPath(_ repository: String, _ tag: String, _ leaf: String) throws -> [String] {
        try Tag.requireValidName(tag)
        return try repositoryPath(repository) + ["tags", tag, leaf]
    }

    static func finding(_ record: ACRPersonalVulnerabilityRecord) -> Finding? {
        guard let name = record.cveName, !name.isEmpty else { return nil }
        let word = record.severity ?? "unknown"
        return Finding(
            vulnerability: name, severity: Severity(word: word), sourceSeverity: word, package: record.feature ?? "",
            installedVersion: record.version ?? "", fixedVersion: record.versionFixed, title: nil,
            description: record.description, links: record.cveLink.map { [$0] } ?? [], layer: record.addedBy,
            target: nil)
    }
}
