import ArgumentParser
import RegistryClient

/// `regconsole immutability delete INSTANCE/PROJECT ID [--yes]`.
struct ImmutabilityDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a rule (confirm, or --yes). Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's id (see `immutability list`).")
    var id: Int
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let project = try await HarborProjectTarget<any ImmutabilityManaging>.parse(
            target, context: context, command: "immutability", writing: "change immutability rules")
        let rule = try await ImmutabilityCommand.rule(id, of: project)
        try Confirmation.ask(
            "delete immutability rule \(id) (\(rule.summary)) of \(project.reference)",
            typing: project.instance.production ? String(id) : nil, yes: yes)
        try await context.retention.deleteImmutableRule(id: id, project: project.project, on: project.provider)
        print("deleted immutability rule \(id) of \(project.reference)")
    }
}
