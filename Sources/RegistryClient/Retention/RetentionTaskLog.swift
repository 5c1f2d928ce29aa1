import Foundation

/// A Harbor retention task's log (`GET /retentions/{id}/executions/{eid}/tasks/{tid}`), read into
/// its results: a header (`Run retention process.` with `Repository:` and `Dry Run:` lines), a
/// `Load N candidates` line, then a padded pipe table, one row per artifact:
///
///     | Digest | Tag | Kind | Labels | PushedTime | PulledTime | CreatedTime | Retention |
///
/// tags comma-joined, times `YYYY/MM/DD HH:MM:SS` (empty: never), `Retention` one of `RETAIN`,
/// `DEL`, `IMMUTABLE`, `ERR`; then `Retention error for artifact …` lines. Anything else is
/// skipped: a log with no table has no rows, a truncated one the rows that are whole.
public struct RetentionTaskLog: Sendable, Equatable {
    /// What the server did to an artifact.
    public enum Outcome: String, Sendable, Equatable {
        case retain = "RETAIN"
        case delete = "DEL"
        case immutable = "IMMUTABLE"
        case error = "ERR"

        /// The matching preview decision; nil for `ERR`.
        public var decision: RetentionDecision? {
            switch self {
            case .retain: .keep
            case .delete: .delete
            case .immutable: .immutable
            case .error: nil
            }
        }
    }

    /// One row of the table.
    public struct Row: Sendable, Equatable {
        public var digest: String
        public var tags: [String]
        public var kind: String
        public var labels: [String]
        public var pushed: Date?
        public var pulled: Date?
        public var created: Date?
        public var outcome: Outcome
    }

    /// A tag's result (an untagged artifact's, `tag` nil): the outcome of its artifact.
    public struct TagResult: Sendable, Equatable {
        public var repository: String
        public var tag: String?
        public var digest: String
        public var outcome: Outcome

        /// The key preview verdicts are matched on (see `RetentionVerdict.key`).
        public var key: String { "\(repository)\u{0}\(tag ?? digest)" }
    }

    /// The `Repository:` of the header.
    public var repository: String?
    /// The `Dry Run:` of the header.
    public var dryRun: Bool?
    /// The `Load N candidates` count.
    public var candidates: Int?
    public var rows: [Row]
    /// The `Retention error for artifact …` lines and `[ERROR]` entries.
    public var errors: [String]
    /// Table lines that could not be read (wrong column count, bad digest or verdict).
    public var skippedLines: Int

    /// Logs longer than this are read up to it only.
    public static let maxBytes = 16 << 20
    /// At most this many rows and error lines are kept.
    public static let maxRows = 50_000

    /// Reads `text`; never fails.
    public init(parsing text: String) {
        repository = nil
        dryRun = nil
        candidates = nil
        rows = []
        errors = []
        skippedLines = 0
        let bytes = text.utf8.prefix(Self.maxBytes)
        let clipped = String(decoding: bytes, as: UTF8.self)
        var columns: [String]?
        for rawLine in clipped.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = Self.clean(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("|") {
                readTableLine(trimmed, columns: &columns)
            } else {
                readTextLine(trimmed)
            }
        }
    }

    /// One result per tag of every row, in `repository` (the task's) unless the header names one.
    public func tagResults(repository fallback: String) -> [TagResult] {
        let name = repository.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        return rows.flatMap { row in
            (row.tags.isEmpty ? [nil] : row.tags.map(Optional.some)).map {
                TagResult(repository: name, tag: $0, digest: row.digest, outcome: row.outcome)
            }
        }
    }

    /// Header fields, the candidate count and errors.
    private mutating func readTextLine(_ line: String) {
        if line.hasPrefix("Repository:") {
            repository = String(line.dropFirst("Repository:".count)).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("Dry Run:") {
            dryRun = line.dropFirst("Dry Run:".count).trimmingCharacters(in: .whitespaces).lowercased() == "true"
        } else if let range = line.range(of: "Load "), line.contains(" candidates") {
            candidates = Int(line[range.upperBound...].prefix { $0.isNumber })
        } else if line.contains("Retention error for artifact") || line.contains("[ERROR]"),
            errors.count < Self.maxRows
        {
            errors.append(String(line.prefix(1_000)))
        }
    }

    /// The header row (which names the columns), the `|---|` row, or an artifact's row.
    private mutating func readTableLine(_ line: String, columns: inout [String]?) {
        let cells = Self.cells(line)
        if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == "+" || $0 == ":" } }) { return }
        if cells.contains("Digest"), cells.contains("Retention") {
            columns = cells
            return
        }
        guard let columns, cells.count == columns.count, rows.count < Self.maxRows else {
            skippedLines += 1
            return
        }
        let field = { (name: String) in columns.firstIndex(of: name).map { cells[$0] } ?? "" }
        guard Self.isDigest(field("Digest")), let outcome = Outcome(rawValue: field("Retention")) else {
            skippedLines += 1
            return
        }
        rows.append(
            Row(
                digest: field("Digest"), tags: Self.list(field("Tag")), kind: field("Kind"),
                labels: Self.list(field("Labels")), pushed: Self.time(field("PushedTime")),
                pulled: Self.time(field("PulledTime")), created: Self.time(field("CreatedTime")), outcome: outcome))
    }

    /// The trimmed cells between the outer pipes.
    static func cells(_ line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    private static func list(_ cell: String) -> [String] {
        cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `sha256:` and 64 lower-case hex digits (or another algorithm's `name:hex`).
    static func isDigest(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon]
        let hex = text[text.index(after: colon)...]
        return !algorithm.isEmpty && algorithm.allSatisfy { $0.isLetter || $0.isNumber } && hex.count >= 32
            && hex.count <= 128 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// `2021/11/03 11:21:06` in UTC; nil when empty or unreadable (Go's zero time is "never").
    static func time(_ cell: String) -> Date? {
        let digits = cell.split(whereSeparator: { "/ :".contains($0) }).compactMap { Int($0) }
        guard digits.count == 6, digits[0] > 1, (1...12).contains(digits[1]), (1...31).contains(digits[2]),
            digits[3] < 24, digits[4] < 60, digits[5] < 61, digits[3...].allSatisfy({ $0 >= 0 })
        else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (digits[0], digits[1], digits[2])
        (components.hour, components.minute, components.second) = (digits[3], digits[4], digits[5])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }

    /// The line without control characters (tabs become spaces), at most 64 KiB.
    private static func clean(_ line: Substring) -> String {
        var result = String.UnicodeScalarView()
        for scalar in line.unicodeScalars.prefix(65_536) {
            if scalar == "\t" {
                result.append(" ")
            } else if !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
