import ArgumentParser
import RegistryClient

/// The fields of a rule, for `lifecycle create` and `update`.
struct LifecycleRuleOptions: ParsableArguments {
    @Option(name: .customLong("keep"), help: ArgumentHelp("Keep the N newest tags.", valueName: "n"))
    var retentionTagCount: Int?
    @Option(
        name: .customLong("keep-regexp"),
        help: ArgumentHelp("Keep tags whose name contains a match (anchor with ^…$).", valueName: "regexp"))
    var tagRegexp: String?
    @Option(name: .customLong("keep-days"), help: ArgumentHelp("Keep tags pushed within N days.", valueName: "n"))
    var keepPushedWithinDays: Int?
    @Option(name: .long, help: "DAY, WEEK or MONTH: when a registry that runs rules itself runs this one.")
    var schedule: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "Let the registry run the rule on its schedule (ACR).")
    var auto: Bool?
    @Flag(name: .long, inversion: .prefixedNo, help: "Also delete untagged manifests (registries that can list them).")
    var deleteUntagged: Bool?

    /// `rule` with the given options applied.
    func applied(to rule: LifecycleRule) throws -> LifecycleRule {
        var rule = rule
        if let retentionTagCount { rule.retentionTagCount = retentionTagCount }
        if let tagRegexp { rule.tagRegexp = tagRegexp.isEmpty ? nil : tagRegexp }
        if let keepPushedWithinDays { rule.keepPushedWithinDays = keepPushedWithinDays }
        if let schedule {
            guard let parsed = LifecycleRule.Schedule(rawValue: schedule.uppercased()) else {
                throw UsageError(description: "--schedule is DAY, WEEK or MONTH, not '\(schedule)'")
            }
            rule.schedule = parsed
        }
        if let auto { rule.auto = auto }
        if let deleteUntagged { rule.deleteUntagged = deleteUntagged }
        if let problem = rule.problems.first { throw UsageError(description: "rule \(rule.id): \(problem)") }
        return rule
    }
}
