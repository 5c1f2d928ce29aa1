/// A provider whose registry scans images itself (ACR): start a scan and follow it.
public protocol ServerScanning: RegistryProvider {
    /// Asks the registry to (re)scan a tag.
    func startScan(repository: String, tag: String) async throws
    /// Where the tag's scan stands.
    func scanState(repository: String, tag: String) async throws -> ServerScanState
    /// Finding counts of the tag's last complete scan, by severity.
    func scanSummary(repository: String, tag: String) async throws -> [Severity: Int]
}

extension ServerScanning {
    /// Checks the tag's scan every `interval` until it is complete or failed. `waiting` hears the
    /// time spent before each pause and may throw to give up.
    public func waitForScan(
        repository: String, tag: String, every interval: Duration,
        waiting: @Sendable (Duration) throws -> Void = { _ in }
    ) async throws -> ServerScanState {
        let started = ContinuousClock.now
        while true {
            let state = try await scanState(repository: repository, tag: tag)
            if state == .complete || state == .failed { return state }
            try waiting(ContinuousClock.now - started)
            try await Task.sleep(for: interval)
        }
    }
}

extension ServerScanning {
    /// The report of the tag's last complete scan, whose findings `findings` reads for a tag; nil
    /// when it was never scanned or is scanning. A digest without a tag is looked up among the
    /// repository's tags.
    func serverScanReport(
        repository: String, tag: String?, digest: Digest, scanner: String,
        findings: (String) async throws -> [Finding]
    ) async throws -> ScanReport? {
        let named: String? = if let tag { tag } else { try await firstTag(repository: repository, pointingAt: digest) }
        guard let tag = named else { return nil }
        switch try await scanState(repository: repository, tag: tag) {
        case .none, .scanning:
            return nil
        case .failed:
            return ScanReport(
                format: .acr, scanner: scanner, artifact: "\(repository):\(tag)", status: "failed", findings: [])
        case .complete:
            return ScanReport(
                format: .acr, scanner: scanner, artifact: "\(repository):\(tag)", findings: try await findings(tag))
        }
    }
}

/// Where a server-side scan stands.
public enum ServerScanState: Sendable, Hashable {
    /// Never scanned.
    case none
    /// Queued, running or retrying.
    case scanning
    /// Finished: the report is ready.
    case complete
    /// The scanner gave up.
    case failed
}
