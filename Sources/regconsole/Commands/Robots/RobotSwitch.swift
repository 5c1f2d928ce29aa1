import ArgumentParser
import RegistryClient
import TerminalUI

/// What `robots enable` and `robots disable` share: the instance, the id, and the change.
struct RobotSwitch: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The instance.", completion: Completions.instance)
    var instance: String
    @Argument(help: "The robot's id (see `robots list`).")
    var id: Int

    /// Disables (or enables) the robot and says so.
    func run(disabling: Bool) async throws {
        let context = try CLIContext(global)
        let robots = try await RobotTarget.parse(
            instance, context: context, writing: disabling ? "disable robot accounts" : "enable robot accounts")
        let robot = try await robots.robot(id)
        try await robots.changes.setRobot(robot, disabled: disabling, on: robots.provider)
        print("\(disabling ? "disabled" : "enabled") robot account \(Sanitizer.clean(robot.name)) (id \(id))")
    }
}
