import ArgumentParser
import Foundation

/// A span of time given as a number and a unit (`90s`, `30m`, `24h`, `7d`, `2w`), as `--since` takes it.
struct TimeSpan: ExpressibleByArgument, Equatable {
    /// The span in seconds.
    var seconds: TimeInterval

    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// A span of `seconds`.
    init(seconds: TimeInterval) { self.seconds = seconds }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last, let factor = Self.units[unit], let count = Int(text.dropLast()), count > 0 else {
            return nil
        }
        seconds = TimeInterval(count) * factor
    }

    /// The moment this long before `now`.
    func before(_ now: Date) -> Date { now.addingTimeInterval(-seconds) }

    /// `1h02m`, `3m07s`, `42s`: an elapsed time in a table cell.
    static func format(_ interval: TimeInterval) -> String {
        let total = Int(interval.rounded(.down))
        let (hours, minutes, seconds) = (total / 3600, total % 3600 / 60, total % 60)
        if hours > 0 { return String(format: "%dh%02dm", hours, minutes) }
        if minutes > 0 { return String(format: "%dm%02ds", minutes, seconds) }
        return "\(seconds)s"
    }
}
