import Foundation

/// ACR's own scanner: start a scan, follow it, and read its findings as a `ScanReport`.
extension ACRProvider {
    public func startScan(repository: String, tag: String) async throws {
        let repoID = try await repositoryID(repository)
        try await client.perform(.createRepoTagScanTask, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag])
    }

    public func scanState(repository: String, tag: String) async throws -> ServerScanState {
        let repoID = try await repositoryID(repository)
        let status: ACRScanStatus = try await client.call(
            .getRepoTagScanStatus, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag])
        return Self.scanState(status.Status)
    }

    /// A scan status word of either edition (`SCANNING`, `COMPLETE`, `NO_DATA`…) as a state.
    static func scanState(_ word: String?) -> ServerScanState {
        switch word?.uppercased() ?? "" {
        case "SCANNING", "RETRYING", "WAITING", "PENDING": .scanning
        case "COMPLETE", "FINISH", "FINISHED": .complete
        case "FAILED", "FAIL": .failed
        default: .none
        }
    }

    public func scanSummary(repository: String, tag: String) async throws -> [Severity: Int] {
        let repoID = try await repositoryID(repository)
        let summary: ACRScanSummary = try await client.call(
            .getRepoTagScanSummary, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag])
        return [
            .high: summary.HighSeverity?.value ?? 0, .medium: summary.MediumSeverity?.value ?? 0,
            .low: summary.LowSeverity?.value ?? 0, .unknown: summary.UnknownSeverity?.value ?? 0,
        ]
    }

    /// The findings of the tag's last complete scan; nil when it was never scanned or is scanning.
    /// A digest without a tag is looked up among the repository's tags.
    public func scanReport(repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        try await serverScanReport(repository: repository, tag: tag, digest: digest, scanner: "ACR") { tag in
            let repoID = try await repositoryID(repository)
            let pages: AsyncThrowingStream<[ACRVulnerabilityRecord], any Error> = client.pages(
                .listRepoTagScanResult, ["InstanceId": instanceID, "RepoId": repoID, "Tag": tag],
                itemsKey: "Vulnerabilities")
            return try await pages.collect().compactMap(Self.finding)
        }
    }

    static func finding(_ record: ACRVulnerabilityRecord) -> Finding? {
        guard let name = record.CveName, !name.isEmpty else { return nil }
        let word = record.Severity ?? "Unknown"
        return Finding(
            vulnerability: name, severity: Severity(word: word), sourceSeverity: word, package: record.Feature ?? "",
            installedVersion: record.Version ?? "", fixedVersion: record.VersionFixed,
            title: record.FixCmd.flatMap { $0.isEmpty ? nil : "fix: \($0)" },
            description: record.Description, links: record.CveLink.map { [$0] } ?? [], layer: record.AddedBy,
            target: record.CveLocation ?? record.VersionFormat)
    }
}
