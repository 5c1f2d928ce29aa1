import Foundation

/// One run of a replication policy, with its tasks counted by state.
public struct ReplicationExecution: Sendable, Hashable, Identifiable {
    public var id: Int
    public var policyID: Int
    public var status: HarborJobStatus
    /// Harbor's explanation of the status, when it gives one.
    public var statusText: String?
    /// `manual`, `scheduled` or `event_based`.
    public var trigger: String
    public var started: Date?
    public var ended: Date?
    public var total: Int
    public var failed: Int
    public var succeeded: Int
    public var inProgress: Int
    public var stopped: Int

    public init(
        id: Int, policyID: Int, status: HarborJobStatus, statusText: String? = nil, trigger: String,
        started: Date?, ended: Date?, total: Int, failed: Int, succeeded: Int, inProgress: Int, stopped: Int
    ) {
        self.id = id
        self.policyID = policyID
        self.status = status
        self.statusText = statusText
        self.trigger = trigger
        self.started = started
        self.ended = ended
        self.total = total
        self.failed = failed
        self.succeeded = succeeded
        self.inProgress = inProgress
        self.stopped = stopped
    }

    /// From start to end, or to `now` while it runs; nil without a start.
    public func duration(now: Date = Date()) -> TimeInterval? {
        guard let started else { return nil }
        return max(0, (ended ?? now).timeIntervalSince(started))
    }
}
