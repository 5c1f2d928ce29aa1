import Foundation

/// A retention (lifecycle) rule, as ACR models it plus the common extras: within its scope a tag is
/// kept when it is among the `retentionTagCount` newest, matches `tagRegexp`, or was pushed within
/// `keepPushedWithinDays`; every other tag in scope is deleted. Semantics: `docs/lifecycle.md`.
public struct LifecycleRule: Sendable, Equatable, Identifiable {
    /// Where the rule applies.
    public enum Scope: Sendable, Equatable, CustomStringConvertible {
        case instance
        case namespace(String)
        /// A repository by its full name (`app/svc`).
        case repository(String)

        public var description: String {
            switch self {
            case .instance: "instance"
            case .namespace(let namespace): "namespace \(namespace)"
            case .repository(let repository): "repository \(repository)"
            }
        }

        /// Whether two scopes share a repository: one contains the other.
        public func overlaps(_ other: Scope) -> Bool {
            switch (self, other) {
            case (.instance, _), (_, .instance): true
            case (.namespace(let mine), .namespace(let theirs)): mine == theirs
            case (.namespace(let namespace), .repository(let repository)),
                (.repository(let repository), .namespace(let namespace)):
                Namespace.of(repository: repository) == namespace
            case (.repository(let mine), .repository(let theirs)): mine == theirs
            }
        }

        /// The word the rules file and ACR use: `instance`, `namespace`, `repo`.
        public var kind: String {
            switch self {
            case .instance: "instance"
            case .namespace: "namespace"
            case .repository: "repo"
            }
        }
    }

    /// How often a server-side rule runs on its own.
    public enum Schedule: String, Sendable, CaseIterable {
        case day = "DAY"
        case week = "WEEK"
        case month = "MONTH"
    }

    /// A field that is wrong, for the editor and `lifecycle create`.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The rules-file key (`retention_tag_count`).
        public var field: String
        public var message: String

        /// Creates a problem.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { "\(field): \(message)" }
    }

    public var id: String
    public var scope: Scope
    /// Keep the N newest tags (by created time).
    public var retentionTagCount: Int?
    /// Keep tags this regular expression finds a match in (not anchored unless it says so).
    public var tagRegexp: String?
    /// Keep tags created within this many days.
    public var keepPushedWithinDays: Int?
    /// Also delete manifests no tag points to (providers that can list them).
    public var deleteUntagged: Bool
    /// When the server runs the rule by itself (`auto`).
    public var schedule: Schedule?
    public var auto: Bool

    /// Creates a rule.
    public init(
        id: String, scope: Scope, retentionTagCount: Int? = nil, tagRegexp: String? = nil,
        keepPushedWithinDays: Int? = nil,
        deleteUntagged: Bool = false, schedule: Schedule? = nil, auto: Bool = false
    ) {
        self.id = id
        self.scope = scope
        self.retentionTagCount = retentionTagCount
        self.tagRegexp = tagRegexp
        self.keepPushedWithinDays = keepPushedWithinDays
        self.deleteUntagged = deleteUntagged
        self.schedule = schedule
        self.auto = auto
    }

    /// The first `rule-N` no rule in `existing` uses.
    public static func newID(existing: [LifecycleRule]) -> String {
        let used = Set(existing.map(\.id))
        return (1...).lazy.map { "rule-\($0)" }.first { !used.contains($0) }!
    }

    /// Whether the rule applies to a repository.
    public func covers(repository: String) -> Bool {
        switch scope {
        case .instance: true
        case .namespace(let namespace): Namespace.of(repository: repository) == namespace
        case .repository(let name): name == repository
        }
    }

    /// What is wrong with the rule; empty when it can be saved.
    public var problems: [Problem] {
        var problems: [Problem] = []
        if let count = retentionTagCount, count < 1 {
            problems.append(Problem(field: "retention_tag_count", message: "must be at least 1"))
        }
        if let days = keepPushedWithinDays, days < 1 {
            problems.append(Problem(field: "keep_pushed_within_days", message: "must be at least 1"))
        }
        if let pattern = tagRegexp {
            if pattern.isEmpty {
                problems.append(
                    Problem(field: "tag_regexp", message: "is empty; leave it out to keep no tags by pattern"))
            } else if let error = Self.regexError(pattern) {
                problems.append(Problem(field: "tag_regexp", message: "does not compile: \(error)"))
            }
        }
        if retentionTagCount == nil, tagRegexp == nil, keepPushedWithinDays == nil {
            problems.append(
                Problem(
                    field: "retention_tag_count",
                    message:
                        "a rule must keep something: set retention_tag_count, tag_regexp or keep_pushed_within_days"))
        }
        switch scope {
        case .namespace(let namespace) where namespace.isEmpty:
            problems.append(Problem(field: "namespace", message: "is required for namespace scope"))
        case .repository(let repository) where repository.isEmpty:
            problems.append(Problem(field: "repository", message: "is required for repo scope"))
        default: break
        }
        return problems
    }

    /// Why a pattern does not compile, or nil.
    static func regexError(_ pattern: String) -> String? {
        do {
            _ = try Regex(pattern)
            return nil
        } catch {
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid pattern"
        }
    }

    /// What the rule keeps, in words: `5 newest · matches ^release- · pushed within 14 days`.
    public var keepSummary: String {
        var parts: [String] = []
        if let count = retentionTagCount { parts.append("\(count) newest") }
        if let pattern = tagRegexp { parts.append("matches \(pattern)") }
        if let days = keepPushedWithinDays { parts.append("pushed within \(days) days") }
        return parts.joined(separator: " · ")
    }
}
