import ArgumentParser

/// `regconsole robots enable INSTANCE ID`.
struct RobotEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Let a disabled robot account log in again.")

    @OptionGroup var robot: RobotSwitch

    func run() async throws { try await robot.run(disabling: false) }
}
