import RegistryClient

/// Exit codes of the CLI contract.
enum ExitStatus: Int32 {
    /// Success.
    case success = 0
    /// Runtime error: network, auth, server.
    case runtime = 1
    /// Usage or config error.
    case usage = 2
    /// `scan show --fail-on` found findings at or above the level.
    case findings = 3
    /// A plan step was skipped (compare-and-delete refused); nothing else changed.
    case skipped = 4

    /// The status for an error that ended a command.
    static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case is ConfigError, is UsageError: .usage
        // A config's region is a usage error too.
        case let error as RegistryError where error.code == .invalidReference || error.code == .unknownRegion: .usage
        case let error as CommandFailure: error.status
        default: .runtime
        }
    }
}

/// A usage mistake found after argument parsing (exit 2).
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

/// A command that finished its work but must exit non-zero (after printing what it did).
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var description: String
}
