import ArgumentParser
import RegistryClient

/// `regconsole retention run INSTANCE/PROJECT [--yes]`.
struct RetentionRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the policy for real: Harbor deletes what it does not keep (confirm, or --yes). Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false
    @OptionGroup var wait: WaitOptions

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any RetentionPolicyManaging>.parse(
            target, context: context, command: "retention", writing: "run retention policies")
        let policy = try await project.policy()
        try Confirmation.ask(
            "run the retention policy of \(project.reference) and delete what it does not keep",
            typing: project.instance.production ? project.project : nil, yes: yes)
        let line = WaitLine("retention run of \(project.reference)")
        defer { line.finish() }
        let run = try await context.retention.run(
            policy, project: project.project, on: project.provider, timeout: wait.deadline, interval: wait.interval
        ) { execution in
            line.update(
                "retention run \(execution.map { "\($0.id): \($0.status)" } ?? "starting") of \(project.reference)")
        }
        line.finish()
        let tags = run.results.count { $0.outcome == .delete && $0.tag != nil }
        print(
            "retention run \(run.execution.id) of \(project.reference) \(run.execution.status): deleted \(run.deletedArtifacts) artifacts (\(tags) tags) in \(run.tasks.count) repositories"
        )
        guard run.execution.succeeded else {
            throw CommandFailure(status: .runtime, description: "the run ended \(run.execution.status)")
        }
    }
}
