import ArgumentParser

/// `regconsole robots disable INSTANCE ID`.
struct RobotDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Stop a robot account from logging in, without deleting it.")

    @OptionGroup var robot: RobotSwitch

    func run() async throws { try await robot.run(disabling: true) }
}
