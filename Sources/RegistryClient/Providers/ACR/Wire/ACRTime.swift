import Foundation

/// A time as ACR sends it: epoch milliseconds as a number or a numeric string, or (in a few scan
/// fields) `yyyy-MM-dd HH:mm:ss`, taken as UTC+8 (Alibaba Cloud's console time).
struct ACRTime: Decodable, Sendable, Hashable {
    var date: Date

    /// The date, or nil for the epoch itself (ACR's "not yet", e.g. a running build's end).
    var knownDate: Date? { date.timeIntervalSince1970 > 0 ? date : nil }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let milliseconds = try? container.decode(Double.self) {
            date = Date(timeIntervalSince1970: milliseconds / 1000)
            return
        }
        let text = try container.decode(String.self).trimmingCharacters(in: .whitespaces)
        if let milliseconds = Double(text) {
            date = Date(timeIntervalSince1970: milliseconds / 1000)
        } else if let parsed = Self.wallClock(text) {
            date = parsed
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected epoch milliseconds or yyyy-MM-dd HH:mm:ss, got '\(text.prefix(40))'")
        }
    }

    private static func wallClock(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "- :".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6 else { return nil }
        var components = DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
        components.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return Calendar(identifier: .gregorian).date(from: components)
    }
}
