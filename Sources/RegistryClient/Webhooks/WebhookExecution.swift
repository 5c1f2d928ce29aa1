import Foundation

/// One delivery of a webhook policy (a "job"): the event it sent and how it ended.
public struct WebhookExecution: Sendable, Hashable, Identifiable {
    public var id: Int
    public var policyID: Int
    public var status: HarborJobStatus
    public var statusMessage: String?
    /// `PUSH_ARTIFACT`, … when Harbor says.
    public var eventType: String?
    public var started: Date?
    public var ended: Date?

    public init(
        id: Int, policyID: Int, status: HarborJobStatus, statusMessage: String? = nil, eventType: String? = nil,
        started: Date? = nil, ended: Date? = nil
    ) {
        self.id = id
        self.policyID = policyID
        self.status = status
        self.statusMessage = statusMessage
        self.eventType = eventType
        self.started = started
        self.ended = ended
    }
}
