import ArgumentParser
import RegistryClient
import TerminalUI

/// `regconsole robots delete INSTANCE ID [--yes]`.
struct RobotDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a robot account (confirm, or --yes).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The robot's id (see `robots list`).")
    var id: Int
    @Flag(name: .long, help: "Do not ask; required without a terminal.")
    var yes = false

    func run() async throws {
        let context = try CLIContext(global)
        let robots = try await RobotTarget.parse(instance, context: context, writing: "delete robot accounts")
        let robot = try await robots.robot(id)
        let name = Sanitizer.clean(robot.name)
        try Confirmation.ask(
            "delete robot account \(name) (id \(id)) of \(robots.instance.name)",
            typing: robots.instance.production ? String(id) : nil, yes: yes)
        try await robots.changes.deleteRobot(id: id, name: robot.name, on: robots.provider)
        print("deleted robot account \(name) (id \(id))")
    }
}
