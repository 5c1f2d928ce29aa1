import Foundation

/// One run of a subscription rule: how many upstream tags matched and how many were pulled.
public struct SubscriptionTask: Sendable, Hashable, Identifiable {
    /// The server's id (`crast-…`).
    public var id: String
    /// `MANUAL` or `AUTO`.
    public var type: String?
    /// `RUNNING`, `COMPLETED`…, as sent.
    public var status: String
    /// `SUCCESS`, `FAILED`…, once finished.
    public var result: String?
    public var message: String?
    public var upstream: String
    public var upstreamPath: String
    /// `NAMESPACE/NAME` in this instance.
    public var repository: String
    public var matchedTags: Int?
    public var pulledTags: Int?
    public var started: Date?
    public var ended: Date?

    /// Creates a task.
    public init(
        id: String, type: String? = nil, status: String, result: String? = nil, message: String? = nil,
        upstream: String, upstreamPath: String, repository: String, matchedTags: Int? = nil, pulledTags: Int? = nil,
        started: Date? = nil, ended: Date? = nil
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.result = result
        self.message = message
        self.upstream = upstream
        self.upstreamPath = upstreamPath
        self.repository = repository
        self.matchedTags = matchedTags
        self.pulledTags = pulledTags
        self.started = started
        self.ended = ended
    }

    /// Still pulling.
    public var isRunning: Bool { ["RUNNING", "PENDING", "SYNCHRONIZING"].contains(status.uppercased()) }

    /// Finished without success.
    public var failed: Bool {
        guard !isRunning, let result, !result.isEmpty else { return false }
        return result.uppercased() != "SUCCESS"
    }
}
