/// A Harbor project's tag retention policy (`/retentions/{id}`): its rules, combined with "or" (an
/// artifact is kept when any enabled rule keeps it; the rest of the repositories the rules cover
/// goes), and when Harbor runs it.
public struct HarborRetentionPolicy: Sendable, Equatable {
    /// Harbor's id; nil before it is created.
    public var id: Int?
    /// The project's id (`scope.ref`).
    public var projectID: Int
    /// Harbor accepts only `or`.
    public var algorithm: String
    public var rules: [HarborRetentionRule]
    /// A six-field cron (seconds first), or empty: run by hand only.
    public var schedule: String

    /// Harbor's limit on rules in a policy.
    public static let maxRules = 15
    /// Harbor's bound on a template's count or days (exclusive).
    public static let maxParameter = 32_767

    /// Creates a policy.
    public init(
        id: Int? = nil, projectID: Int, algorithm: String = "or", rules: [HarborRetentionRule] = [],
        schedule: String = ""
    ) {
        self.id = id
        self.projectID = projectID
        self.algorithm = algorithm
        self.rules = rules
        self.schedule = schedule
    }

    /// The schedule in words: "manual" or "cron 0 0 2 * * *".
    public var scheduleWords: String { schedule.isEmpty ? "manual" : "cron \(schedule)" }

    /// What is wrong with the policy, in the order Harbor would refuse it; empty when it is valid.
    public var problems: [String] {
        var problems: [String] = []
        if algorithm != "or" { problems.append("algorithm must be 'or', not '\(algorithm)'") }
        if rules.count > Self.maxRules {
            problems.append("a policy has at most \(Self.maxRules) rules, this one has \(rules.count)")
        }
        if let cron = Self.cronProblem(schedule) { problems.append(cron) }
        for (index, rule) in rules.enumerated() {
            problems += Self.problems(of: rule).map { "rule \(index + 1): \($0)" }
        }
        return problems
    }

    /// What is wrong with one rule: an unknown template, a missing or out-of-range parameter.
    public static func problems(of rule: HarborRetentionRule) -> [String] {
        guard let template = rule.kind else {
            let known = HarborRetentionRule.Template.offered.map(\.rawValue).joined(separator: ", ")
            return ["unknown template '\(rule.template)' (one of \(known))"]
        }
        guard template.takesParameter else { return [] }
        guard let parameter = rule.parameter else {
            return ["\(template.rawValue) needs \(template.countsArtifacts ? "a count" : "a number of days")"]
        }
        guard parameter >= 0, parameter < maxParameter else {
            return ["\(template.rawValue) must be between 0 and \(maxParameter - 1), not \(parameter)"]
        }
        return []
    }

    /// Why `cron` is not a schedule Harbor takes (six fields, seconds first), nil when it is one
    /// (or empty).
    public static func cronProblem(_ cron: String) -> String? {
        let fields = cron.split(separator: " ", omittingEmptySubsequences: true)
        if fields.isEmpty { return nil }
        guard fields.count == 6 else {
            return "the schedule needs six cron fields (seconds first), '\(cron)' has \(fields.count)"
        }
        let allowed = Set("0123456789*/,-?LW#ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        if let field = fields.first(where: { !$0.allSatisfy(allowed.contains) }) {
            return "the schedule's field '\(field)' is not a cron field"
        }
        return nil
    }
}
