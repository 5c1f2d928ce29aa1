import ArgumentParser
import RegistryClient

/// `regconsole retention rule add INSTANCE/PROJECT --template … [--count|--days N] [selectors]`.
struct RetentionRuleAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a rule (creating the policy when the project has none). Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @OptionGroup var fields: RetentionRuleOptions

    func run() async throws {
        let context = try CLIContext(global)
        guard fields.template != nil else { throw UsageError(description: "--template is required") }
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention", writing: "change retention policies")
        var policy: HarborRetentionPolicy
        if let existing = try await project.provider.retentionPolicy(project: project.project) {
            policy = existing
        } else {
            policy = HarborRetentionPolicy(projectID: try await project.provider.projectID(of: project.project))
        }
        policy.rules.append(try fields.applied(to: HarborRetentionRule(template: .always)))
        policy.schedule = try fields.schedule(of: policy)
        try await RetentionRuleCommand.save(policy, project, context: context, done: "added rule \(policy.rules.count)")
    }
}
