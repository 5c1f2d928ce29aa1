import Foundation

extension Catalog {
    /// How long before `now` a date was: `just now`, `5m ago`, `3h ago`, `3d ago` (`3 天前`) within a
    /// month, else the day itself (`2024-03-05`, UTC, in every language) so older rows compare by
    /// eye; `-` for no date.
    public func relativeTime(_ date: Date?, now: Date) -> String {
        guard let date else { return "-" }
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return self[.timeJustNow]
        case ..<3600: return self[.timeMinutes, Int(seconds / 60)]
        case ..<86400: return self[.timeHours, Int(seconds / 3600)]
        case ..<(86400 * 31): return self[.timeDays, Int(seconds / 86400)]
        default:
            let day = Self.utc.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        }
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
