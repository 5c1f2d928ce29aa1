import ArgumentParser

/// `regconsole immutability enable INSTANCE/PROJECT ID`.
struct ImmutabilityEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a rule. Audited.")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The Harbor project.", valueName: "instance/project"), completion: Completions.reference)
    var target: String
    @Argument(help: "The rule's id (see `immutability list`).")
    var id: Int

    func run() async throws {
        try await ImmutabilityCommand.toggle(id, disabled: false, target: target, global: global)
    }
}
