import ArgumentParser
import RegistryClient

/// `regconsole retention rule add|update|delete`: the rules of a project's policy (PUT whole).
struct RetentionRuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule", abstract: "Add, change or delete a rule of the project's retention policy.",
        subcommands: [RetentionRuleAddCommand.self, RetentionRuleUpdateCommand.self, RetentionRuleDeleteCommand.self])

    /// Saves `policy` (audited) and prints the rules as they now are.
    static func save(
        _ policy: HarborRetentionPolicy, _ project: HarborProjectTarget<any RetentionPolicyManaging>,
        context: CLIContext, done: String
    ) async throws {
        if let problem = policy.problems.first { throw UsageError(description: problem) }
        _ = try await context.retention.savePolicy(policy, project: project.project, on: project.provider)
        print("\(done) in the retention policy of \(project.reference) (\(policy.scheduleWords))")
        for (index, rule) in policy.rules.enumerated() { print("  \(index + 1). \(rule.summary)") }
    }

    /// The 1-based rule `number` of `policy`, as an index.
    static func index(_ number: Int, in policy: HarborRetentionPolicy, _ reference: String) throws -> Int {
        guard number >= 1, number <= policy.rules.count else {
            throw UsageError(
                description:
                    "\(reference) has rules 1 to \(policy.rules.count), not \(number); see: regconsole retention show \(reference)"
            )
        }
        return number - 1
    }
}
