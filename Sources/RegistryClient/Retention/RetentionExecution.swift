import Foundation

/// A run of a retention policy, by schedule or by hand, real or dry.
public struct RetentionExecution: Sendable, Equatable, Identifiable {
    public var id: Int
    public var policyID: Int?
    public var started: Date?
    public var ended: Date?
    /// `Pending`, `Running`, `Success`, `Error`, `Stopped` (older Harbor: `Succeed`, `Failed`).
    public var status: String
    /// `MANUAL` or `SCHEDULE`.
    public var trigger: String
    public var dryRun: Bool

    /// Creates an execution.
    public init(
        id: Int, policyID: Int?, started: Date?, ended: Date?, status: String, trigger: String, dryRun: Bool
    ) {
        self.id = id
        self.policyID = policyID
        self.started = started
        self.ended = ended
        self.status = status
        self.trigger = trigger
        self.dryRun = dryRun
    }

    /// Whether the run is over, however it ended.
    public var isFinished: Bool {
        ["success", "succeed", "error", "failed", "stopped"].contains(status.lowercased())
    }

    /// Whether it ended well.
    public var succeeded: Bool { ["success", "succeed"].contains(status.lowercased()) }
}
