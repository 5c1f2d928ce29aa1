import ArgumentParser
import RegistryClient

/// `regconsole retention rule update INSTANCE/PROJECT N [fields]`.
struct RetentionRuleUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change fields of rule N (1-based, see `retention show`). Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's number.")
    var number: Int
    @OptionGroup var fields: RetentionRuleOptions

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention", writing: "change retention policies")
        var policy = try await project.policy()
        let index = try RetentionRuleCommand.index(number, in: policy, project.reference)
        policy.rules[index] = try fields.applied(to: policy.rules[index])
        policy.schedule = try fields.schedule(of: policy)
        try await RetentionRuleCommand.save(policy, project, context: context, done: "changed rule \(number)")
    }
}
