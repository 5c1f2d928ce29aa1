/// Where a sync task stands. ACR sends `PENDING`, `SYNCHRONIZING`, `SUCCESS`, `ERROR` and
/// `CANCELED`; other values are kept as sent and treated as finished.
public enum SyncTaskStatus: Sendable, Hashable, CustomStringConvertible {
    case pending
    case synchronizing
    case success
    case failed
    case canceled
    /// A value this version does not know, upper-cased.
    case other(String)

    /// Reads a status as the server spells it.
    public init(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "PENDING", "WAITING", "QUEUING": self = .pending
        case "SYNCHRONIZING", "RUNNING", "SYNCING": self = .synchronizing
        case "SUCCESS", "SUCCEEDED", "COMPLETED": self = .success
        case "ERROR", "FAILED", "FAILURE": self = .failed
        case "CANCELED", "CANCELLED": self = .canceled
        case let other: self = .other(other)
        }
    }

    /// Still copying: worth refreshing, and cancellable.
    public var isRunning: Bool { self == .pending || self == .synchronizing }

    /// The word scripts see (`SUCCESS`, `ERROR`, or the server's own).
    public var description: String {
        switch self {
        case .pending: "PENDING"
        case .synchronizing: "SYNCHRONIZING"
        case .success: "SUCCESS"
        case .failed: "ERROR"
        case .canceled: "CANCELED"
        case .other(let text): text
        }
    }
}
