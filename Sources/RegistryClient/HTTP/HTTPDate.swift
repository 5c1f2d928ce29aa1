import Foundation

/// The IMF-fixdate format of HTTP (`Sun, 06 Nov 1994 08:49:37 GMT`).
enum HTTPDate {
    /// Parses an IMF-fixdate, or returns nil.
    static func parse(_ text: String) -> Date? {
        formatter(zone: "zzz").date(from: text)
    }

    /// `date` as an IMF-fixdate, always in GMT.
    static func format(_ date: Date) -> String {
        formatter(zone: "'GMT'").string(from: date)
    }

    private static func formatter(zone: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss \(zone)"
        return formatter
    }
}
