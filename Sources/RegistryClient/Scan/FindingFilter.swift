/// A findings filter as on-call engineers type it: terms AND-ed together, e.g.
/// `sev>=high fixable:y pkg:openssl id:CVE-2024 !pkg:kernel`.
///
/// Terms: `sev`/`severity` with `=`, `:`, `>=`, `>`, `<=`, `<`; `fixable:y|n`; `pkg:TEXT`;
/// `id:TEXT` (also aliases); `cvss>=N` (and the other comparisons); `suppressed:y|n`. A bare word
/// matches id, package or title. `!` negates a term. Text matching is case-insensitive.
public struct FindingFilter: Sendable {
    private enum Term: Sendable {
        case severity(String, Severity)
        case fixable(Bool)
        case package(String)
        case identifier(String)
        case cvss(String, Double)
        case suppressed(Bool)
        case text(String)
    }

    private let terms: [(negated: Bool, term: Term)]

    /// A term that does not parse.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses the expression; an empty one keeps everything.
    public init(_ expression: String) throws(Invalid) {
        var parsed: [(Bool, Term)] = []
        for raw in expression.split(separator: " ").map(String.init) where !raw.isEmpty {
            let negated = raw.hasPrefix("!")
            let word = negated ? String(raw.dropFirst()) : raw
            parsed.append((negated, try Self.term(word)))
        }
        terms = parsed
    }

    private static let comparisons = [">=", "<=", ">", "<", "=", ":"]

    private static func term(_ word: String) throws(Invalid) -> Term {
        for key in ["severity", "sev", "cvss", "fixable", "pkg", "package", "id", "suppressed"]
        where word.lowercased().hasPrefix(key) {
            let rest = word.dropFirst(key.count)
            guard let operation = comparisons.first(where: { rest.hasPrefix($0) }) else { continue }
            let value = String(rest.dropFirst(operation.count))
            switch key {
            case "severity", "sev":
                guard let severity = Severity(level: value) else {
                    throw Invalid(
                        description: "'\(value)' is not a severity (critical, high, medium, low, negligible, unknown)")
                }
                return .severity(operation, severity)
            case "cvss":
                guard let score = Double(value) else { throw Invalid(description: "'\(value)' is not a CVSS score") }
                return .cvss(operation, score)
            case "fixable", "suppressed":
                guard
                    let flag = ["y": true, "yes": true, "true": true, "n": false, "no": false, "false": false][
                        value.lowercased()]
                else {
                    throw Invalid(description: "\(key) takes y or n, not '\(value)'")
                }
                return key == "fixable" ? .fixable(flag) : .suppressed(flag)
            case "pkg", "package": return .package(value.lowercased())
            default: return .identifier(value.lowercased())
            }
        }
        return .text(word.lowercased())
    }

    /// Whether the finding passes every term.
    public func matches(_ finding: Finding, suppressed: Bool = false) -> Bool {
        terms.allSatisfy { negated, term in matches(term, finding, suppressed) != negated }
    }

    private func matches(_ term: Term, _ finding: Finding, _ suppressed: Bool) -> Bool {
        switch term {
        case .severity(let operation, let level): Self.compare(finding.severity.rawValue, operation, level.rawValue)
        case .cvss(let operation, let score): finding.cvssScore.map { Self.compare($0, operation, score) } ?? false
        case .fixable(let flag): finding.isFixable == flag
        case .suppressed(let flag): suppressed == flag
        case .package(let text): finding.package.lowercased().contains(text)
        case .identifier(let text):
            ([finding.vulnerability] + finding.aliases).contains { $0.lowercased().contains(text) }
        case .text(let text):
            finding.vulnerability.lowercased().contains(text) || finding.package.lowercased().contains(text)
                || (finding.title?.lowercased().contains(text) ?? false)
        }
    }

    private static func compare<T: Comparable>(_ value: T, _ operation: String, _ target: T) -> Bool {
        switch operation {
        case ">=": value >= target
        case "<=": value <= target
        case ">": value > target
        case "<": value < target
        default: value == target
        }
    }
}
