/// Where an image build stands. ACR sends plain strings whose set no source enumerates
/// (`SUCCESS`, `success`, `BUILDING`…): they are compared case-insensitively, and a value not
/// known here is kept as sent and treated as finished only when it says so.
public enum BuildStatus: Sendable, Hashable, CustomStringConvertible {
    case pending
    case building
    case success
    case failed
    case canceled
    /// A value this version does not know, upper-cased.
    case other(String)

    /// Reads a status as the server spells it.
    public init(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "PENDING", "WAITING", "QUEUED", "QUEUING", "PREPARING": self = .pending
        case "BUILDING", "RUNNING", "PUSHING": self = .building
        case "SUCCESS", "SUCCEEDED", "FINISHED", "TRUE": self = .success
        case "FAILED", "FAIL", "FAILURE", "ERROR", "FALSE": self = .failed
        case "CANCELED", "CANCELLED", "CANCEL", "STOPPED": self = .canceled
        case let other: self = .other(other)
        }
    }

    /// Queued or building: its log may still grow.
    public var isRunning: Bool {
        switch self {
        case .pending, .building: true
        default: false
        }
    }

    /// The word scripts see (`SUCCESS`, `BUILDING`, or the server's own).
    public var description: String {
        switch self {
        case .pending: "PENDING"
        case .building: "BUILDING"
        case .success: "SUCCESS"
        case .failed: "FAILED"
        case .canceled: "CANCELED"
        case .other(let text): text
        }
    }
}
