import Foundation
import RegistryClient

/// A robot's expiry in a table cell: `in 4d (2026-12-12)`, `2d ago (2026-12-05)`, `never`.
enum RobotExpiry {
    static func text(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let seconds = date.timeIntervalSince(now)
        let span = span(abs(seconds))
        return "\(seconds >= 0 ? "in \(span)" : "\(span) ago") (\(day(date)))"
    }

    /// `45m`, `5h`, `4d`: the largest whole unit.
    private static func span(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<3600: "\(Int(seconds / 60))m"
        case ..<86400: "\(Int(seconds / 3600))h"
        default: "\(Int(seconds / 86400))d"
        }
    }

    private static func day(_ date: Date) -> String { String(RFC3339.format(date).prefix(10)) }
}
