import Foundation

/// One severity scale for every scanner: critical > high > medium > low > negligible > unknown.
/// Each source's own word is kept beside it as `Finding.sourceSeverity`.
public enum Severity: Int, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    case unknown = 0
    case negligible, low, medium, high, critical

    /// Normalizes a scanner's word, case-insensitively: Trivy `HIGH`, Grype `High`, CycloneDX `high`,
    /// Harbor `Negligible`, ACR `Medium`; `info` is negligible, `none` and anything unrecognized unknown.
    public init(word: String) {
        switch Self.normalized(word) {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "medium", "moderate": self = .medium
        case "low": self = .low
        case "negligible", "info", "informational": self = .negligible
        default: self = .unknown
        }
    }

    /// `word` trimmed and lowercased. A word of ASCII letters only, as scanners write them, needs no
    /// trimming and lowercases byte by byte.
    private static func normalized(_ word: String) -> String {
        let isLetters = word.utf8.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        guard isLetters else { return word.trimmingCharacters(in: .whitespaces).lowercased() }
        return String(decoding: word.utf8.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// The bucket for a CVSS score (≥9 critical, ≥7 high, ≥4 medium, >0 low), as SARIF consumers read
    /// `security-severity`.
    public init(score: Double) {
        switch score {
        case 9...: self = .critical
        case 7..<9: self = .high
        case 4..<7: self = .medium
        case 0.1..<4: self = .low
        default: self = .unknown
        }
    }

    /// Parses a level as the CLI takes it (`high`, `HIGH`, `high+`); nil when it is not a level.
    public init?(level: String) {
        let word = level.hasSuffix("+") ? String(level.dropLast()) : level
        guard let match = Severity.allCases.first(where: { $0.description == word.lowercased() }) else { return nil }
        self = match
    }

    /// The lowercase name: `critical`, `high`, …
    public var description: String {
        switch self {
        case .unknown: "unknown"
        case .negligible: "negligible"
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Worst first.
    public static let worstFirst: [Severity] = allCases.reversed()
}

extension [Severity: Int] {
    /// `C1 H3 M2 L4`: counts, worst first, zero counts left out; `0` when there are none.
    public var countsText: String {
        let text = Severity.worstFirst.compactMap { severity -> String? in
            guard let count = self[severity], count > 0 else { return nil }
            return "\(severity.description.prefix(1).uppercased())\(count)"
        }.joined(separator: " ")
        return text.isEmpty ? "0" : text
    }
}
