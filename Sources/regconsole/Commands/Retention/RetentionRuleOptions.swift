import ArgumentParser
import RegistryClient

/// The fields of a Harbor retention rule, for `retention rule add` and `update`.
struct RetentionRuleOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "latestPushedK, latestPulledN, nDaysSinceLastPush, nDaysSinceLastPull or always.", valueName: "template"))
    var template: String?
    @Option(name: .long, help: ArgumentHelp("How many artifacts the latest* templates keep.", valueName: "n"))
    var count: Int?
    @Option(name: .long, help: ArgumentHelp("How many days the nDays* templates look back.", valueName: "n"))
    var days: Int?
    @Option(name: .long, help: ArgumentHelp("Tags the rule covers (doublestar; ** = all).", valueName: "pattern"))
    var tags: String?
    @Option(name: .long, help: ArgumentHelp("Tags the rule leaves out (instead of --tags).", valueName: "pattern"))
    var excludeTags: String?
    @Option(
        name: .long,
        help: ArgumentHelp("Repositories (names within the project) the rule covers.", valueName: "pattern"))
    var repos: String?
    @Option(
        name: .long, help: ArgumentHelp("Repositories the rule leaves out (instead of --repos).", valueName: "pattern"))
    var excludeRepos: String?
    @Flag(name: .long, inversion: .prefixedNo, help: "Untagged artifacts are candidates too.")
    var untagged: Bool?
    @Flag(name: .long, inversion: .prefixedNo, help: "Keep the rule but do not apply it.")
    var disabled: Bool?
    @Option(
        name: .long,
        help: ArgumentHelp("The policy's six-field cron (seconds first); \"\" = by hand.", valueName: "cron"))
    var schedule: String?

    /// `rule` with the given options applied.
    func applied(to rule: HarborRetentionRule) throws -> HarborRetentionRule {
        var rule = rule
        if let template {
            guard let kind = HarborRetentionRule.Template(rawValue: template) else {
                let known = HarborRetentionRule.Template.offered.map(\.rawValue).joined(separator: ", ")
                throw UsageError(description: "--template is one of \(known), not '\(template)'")
            }
            if kind != rule.kind { rule.parameter = nil }
            rule.template = kind.rawValue
        }
        if count != nil && days != nil { throw UsageError(description: "give --count or --days, not both") }
        if let value = count ?? days {
            guard let kind = rule.kind, kind.takesParameter, kind.countsArtifacts == (count != nil) else {
                throw UsageError(description: "\(count != nil ? "--count" : "--days") does not fit \(rule.template)")
            }
            rule.parameter = value
        }
        if rule.kind == .always { rule.parameter = nil }
        if tags != nil && excludeTags != nil {
            throw UsageError(description: "give --tags or --exclude-tags, not both")
        }
        if let pattern = tags ?? excludeTags {
            rule.tags = .init(pattern: pattern, excludes: excludeTags != nil)
            if untagged == nil { rule.untagged = excludeTags == nil }
        }
        if repos != nil && excludeRepos != nil {
            throw UsageError(description: "give --repos or --exclude-repos, not both")
        }
        if let pattern = repos ?? excludeRepos {
            rule.repositories = .init(pattern: pattern, excludes: excludeRepos != nil)
        }
        if let untagged { rule.untagged = untagged }
        if let disabled { rule.disabled = disabled }
        if let problem = HarborRetentionPolicy.problems(of: rule).first { throw UsageError(description: problem) }
        return rule
    }

    /// The policy's schedule with `--schedule` applied.
    func schedule(of policy: HarborRetentionPolicy) throws -> String {
        guard let schedule else { return policy.schedule }
        if let problem = HarborRetentionPolicy.cronProblem(schedule) { throw UsageError(description: problem) }
        return schedule
    }
}
