import ArgumentParser

/// `regconsole immutability disable INSTANCE/PROJECT ID`.
struct ImmutabilityDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a rule. Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's id (see `immutability list`).")
    var id: Int

    func run() async throws {
        try await ImmutabilityCommand.toggle(id, disabled: true, target: target, global: global)
    }
}
