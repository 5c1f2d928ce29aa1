import ArgumentParser
import RegistryClient

/// `regconsole retention rule delete INSTANCE/PROJECT N [--yes]`.
struct RetentionRuleDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete rule N (confirm, or --yes). Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's number.")
    var number: Int
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention", writing: "change retention policies")
        var policy = try await project.policy()
        let index = try RetentionRuleCommand.index(number, in: policy, project.reference)
        try Confirmation.ask(
            "delete rule \(number) (\(policy.rules[index].summary)) of \(project.reference)",
            typing: project.instance.production ? String(number) : nil, yes: yes)
        policy.rules.remove(at: index)
        try await RetentionRuleCommand.save(policy, project, context: context, done: "deleted rule \(number)")
    }
}
