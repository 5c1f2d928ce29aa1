/// A provider whose registry scans images itself (ACR): start a scan and follow it.
public protocol ServerScanning: RegistryProvider {
    /// Asks the registry to (re)scan a tag.
    func startScan(repository: String, tag: String) async throws
    /// Where the tag's scan stands.
    func scanState(repository: String, tag: String) async throws -> ServerScanState
    /// Finding counts of the tag's last complete scan, by severity.
    func scanSummary(repository: String, tag: String) async throws -> [Severity: Int]
}

/// Where a server-side scan stands.
public enum ServerScanState: Sendable, Equatable {
    /// Never scanned.
    case none
    /// Queued, running or retrying.
    case scanning
    /// Finished: the report is ready.
    case complete
    /// The scanner gave up.
    case failed
}
