/// Where a Harbor job stands: a replication execution or task (`InProgress`, `Succeed`, `Failed`,
/// `Stopped`, and `Pending` while queued) or a task-manager execution of a webhook (`Pending`,
/// `Running`, `Success`, `Error`, `Stopped`). `word` is Harbor's own, as scripts see it.
public struct HarborJobStatus: Sendable, Hashable, CustomStringConvertible {
    /// What the word means.
    public enum Phase: Sendable, Hashable {
        case pending
        case running
        case succeeded
        case failed
        case stopped
        /// A word this version does not know; treated as finished.
        case unknown
    }

    /// The status as Harbor spelled it (`Succeed`, `Error`, …).
    public var word: String
    public var phase: Phase

    /// Reads Harbor's word; nil or empty reads as `unknown`.
    public init(_ word: String?) {
        let text = word?.trimmingCharacters(in: .whitespaces) ?? ""
        self.word = text.isEmpty ? "Unknown" : text
        switch text.lowercased() {
        case "pending", "scheduled", "initialized": phase = .pending
        case "inprogress", "in_progress", "running": phase = .running
        case "succeed", "success", "succeeded": phase = .succeeded
        case "failed", "error": phase = .failed
        case "stopped", "stopping", "canceled": phase = .stopped
        default: phase = .unknown
        }
    }

    /// Not ended yet: worth reading again, and stoppable.
    public var isRunning: Bool { phase == .pending || phase == .running }

    public var description: String { word }
}
