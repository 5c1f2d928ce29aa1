/// One rule of a Harbor tag retention policy: within the repositories its repository selector
/// picks, the artifacts with a tag its tag selector picks (untagged ones too when `untagged`) are
/// candidates, and the template says which candidates it keeps.
public struct HarborRetentionRule: Sendable, Equatable {
    /// What the rule keeps of its candidates; the raw value is Harbor's `template` (and `params` key).
    public enum Template: String, Sendable, CaseIterable {
        case latestPushedK
        case latestPulledN
        case nDaysSinceLastPush
        case nDaysSinceLastPull
        case always
        /// Engine-only: the K most recently pushed or pulled.
        case latestActiveK
        /// Engine-only: pushed within X days.
        case lastXDays

        /// The templates Harbor's portal offers (`GET /retentions/metadatas`).
        public static let offered: [Template] = [
            .latestPushedK, .latestPulledN, .nDaysSinceLastPush, .nDaysSinceLastPull, .always,
        ]

        /// Whether the parameter is a count of artifacts (else a number of days; `always` has none).
        public var countsArtifacts: Bool { [.latestPushedK, .latestPulledN, .latestActiveK].contains(self) }

        /// Whether the template takes a parameter.
        public var takesParameter: Bool { self != .always }
    }

    /// A `doublestar` selector: a pattern the names must match, or must not (`excludes`).
    public struct Selector: Sendable, Equatable {
        public var pattern: String
        public var excludes: Bool

        /// Creates a selector; an empty pattern matches everything.
        public init(pattern: String = "**", excludes: Bool = false) {
            self.pattern = pattern
            self.excludes = excludes
        }

        /// Whether `name` is selected.
        public func selects(_ name: String) -> Bool {
            DoublestarPattern(pattern).matches(name) != excludes
        }
    }

    /// Harbor's id of the rule within its policy, when it has one.
    public var id: Int?
    public var priority: Int?
    /// Harbor's `template`, kept as sent (an unknown one fails validation).
    public var template: String
    /// The template's count or days; nil for `always`.
    public var parameter: Int?
    /// Selects by tag (`matches` / `excludes`).
    public var tags: Selector
    /// Whether untagged artifacts are candidates too (`extras` `{"untagged":true}`).
    public var untagged: Bool
    /// Selects repositories by their name within the project (`repoMatches` / `repoExcludes`).
    public var repositories: Selector
    public var disabled: Bool

    /// Creates a rule; `untagged` defaults as Harbor does: on for `matches`, off for `excludes`.
    public init(
        template: Template, parameter: Int? = nil, tags: Selector = Selector(), untagged: Bool? = nil,
        repositories: Selector = Selector(), disabled: Bool = false
    ) {
        self.template = template.rawValue
        self.parameter = template.takesParameter ? parameter : nil
        self.tags = tags
        self.untagged = untagged ?? !tags.excludes
        self.repositories = repositories
        self.disabled = disabled
    }

    /// The template, nil when Harbor sent one regconsole does not know.
    public var kind: Template? { Template(rawValue: template) }

    /// The rule in words: "keep the 3 most recently pushed of tags matching v*, untagged too, in
    /// repositories matching **".
    public var summary: String {
        "keep \(templateWords) of tags \(Self.words(tags, matching: "matching", excluding: "excluding"))"
            + (untagged ? ", untagged too" : "")
            + " in repositories \(Self.words(repositories, matching: "matching", excluding: "excluding"))"
            + (disabled ? " (disabled)" : "")
    }

    /// The template and its parameter in words: "the 3 most recently pushed".
    public var templateWords: String {
        let n = parameter.map(String.init) ?? "?"
        switch kind {
        case .latestPushedK: return "the \(n) most recently pushed"
        case .latestPulledN: return "the \(n) most recently pulled"
        case .nDaysSinceLastPush: return "those pushed within \(n) days"
        case .nDaysSinceLastPull: return "those pulled within \(n) days"
        case .always: return "always"
        case .latestActiveK: return "the \(n) most recently active"
        case .lastXDays: return "those pushed in the last \(n) days"
        case nil: return "'\(template)'"
        }
    }

    /// A selector in words: "matching v*" or "excluding rc-*"; "any" for everything.
    public static func words(_ selector: Selector, matching: String, excluding: String) -> String {
        let pattern = selector.pattern.isEmpty ? "**" : selector.pattern
        if pattern == "**" && !selector.excludes { return "any" }
        return "\(selector.excludes ? excluding : matching) \(pattern)"
    }
}
