import RegistryClient

/// Scan reports by instance and digest, shared by every pane: the tags pane's scan column, the
/// findings pane, diffs and the overview ask once. Concurrent requests for one digest share a fetch.
@MainActor
final class ScanReportCache {
    private let session: RegistrySession
    private var reports: [String: ScanReport?] = [:]
    private var pending: [String: Task<ScanReport?, any Error>] = [:]

    init(session: RegistrySession) {
        self.session = session
    }

    /// The newest report attached to (or made by the registry for) a manifest; nil when none.
    func report(instance: String, repository: String, tag: String?, digest: Digest) async throws -> ScanReport? {
        let key = "\(instance)|\(repository)|\(digest)"
        if let known = reports[key] { return known }
        if let running = pending[key] { return try await running.value }
        let session = session
        let task = Task {
            try await session.provider(for: instance).scanReport(repository: repository, tag: tag, digest: digest)
        }
        pending[key] = task
        defer { pending[key] = nil }
        let report = try await task.value
        reports[key] = .some(report)
        return report
    }

    /// Forgets what is known (after attaching a report or a rescan).
    func removeAll() { reports = [:] }
}
