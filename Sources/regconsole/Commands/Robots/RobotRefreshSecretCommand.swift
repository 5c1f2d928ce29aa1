import ArgumentParser
import RegistryClient
import TerminalUI

/// `regconsole robots refresh-secret INSTANCE ID [--yes]`.
struct RobotRefreshSecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh-secret",
        abstract: "Replace a robot's secret (confirm, or --yes) and print the new one, once.",
        discussion: "The old secret stops working at once; whatever logs in with it must get the new one.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The robot's id (see `robots list`).")
    var id: Int
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false
    @OptionGroup var format: OutputOptions

    func run() async throws {
        let context = try CLIContext(global)
        let robots = try await RobotTarget.parse(instance, context: context, writing: "refresh robot secrets")
        let robot = try await robots.robot(id)
        try Confirmation.ask(
            "replace the secret of robot account \(Sanitizer.clean(robot.name)) (id \(id)); the old one stops working",
            typing: robots.instance.production ? String(id) : nil, yes: yes, action: .change)
        let secret = try await robots.changes.refreshSecret(id: id, name: robot.name, on: robots.provider)
        RobotTarget.show(secret, "refreshed", format: format.output)
    }
}
