import Foundation

/// A time as Harbor sends it: `2024-05-01T10:00:00.000Z` (most models), RFC 3339 with up to nine
/// fraction digits and an offset (retention executions and tasks), or whole seconds (webhook
/// executions). Go's zero time `0001-01-01T00:00:00…` means "never" (an artifact never pulled).
struct HarborTime: Decodable, Sendable, Hashable {
    /// The time, or nil for Harbor's "never" (the zero time, an empty string or null).
    var date: Date?

    init(date: Date?) { self.date = date }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            date = nil
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 time, got '\(text.prefix(40))'")
        }
        date = parsed.date
    }

    /// Parses one of Harbor's three formats; nil when the text is none of them.
    static func parse(_ text: String) -> HarborTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("0001-01-01T00:00:00") { return HarborTime(date: nil) }
        return RFC3339.parse(trimmed).map { HarborTime(date: $0) }
    }
}
