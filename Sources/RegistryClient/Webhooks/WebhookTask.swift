import Foundation

/// One attempt series of a webhook delivery; its log says what the target answered.
public struct WebhookTask: Sendable, Hashable, Identifiable {
    public var id: Int
    public var executionID: Int
    public var status: HarborJobStatus
    public var statusMessage: String?
    /// How many times Harbor sent it (retries included).
    public var runCount: Int?
    public var started: Date?
    public var ended: Date?

    public init(
        id: Int, executionID: Int, status: HarborJobStatus, statusMessage: String? = nil, runCount: Int? = nil,
        started: Date? = nil, ended: Date? = nil
    ) {
        self.id = id
        self.executionID = executionID
        self.status = status
        self.statusMessage = statusMessage
        self.runCount = runCount
        self.started = started
        self.ended = ended
    }
}
