import Foundation

/// RFC 3339 timestamps: parsed with or without fractional seconds, formatted in UTC.
public enum RFC3339 {
    /// Parses `2024-03-01T12:00:00Z`, `2024-03-01T12:00:00.123456789+08:00` and similar.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        // Drop fractional seconds (Go writes up to nine digits) and retry.
        guard let dot = trimmed.firstIndex(of: ".") else { return nil }
        var end = trimmed.index(after: dot)
        while end < trimmed.endIndex, trimmed[end].isNumber { end = trimmed.index(after: end) }
        let fraction = Double("0" + trimmed[dot..<end]) ?? 0
        let whole = String(trimmed[..<dot] + trimmed[end...])
        return (try? Date(whole, strategy: .iso8601)).map { $0.addingTimeInterval(fraction) }
    }

    /// `2024-03-01T12:00:00Z` (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
