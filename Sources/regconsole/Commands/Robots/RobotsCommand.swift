import ArgumentParser
import RegistryClient

/// `regconsole robots …`: Harbor's robot accounts, of a project or of the whole instance.
struct RobotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robots",
        abstract: "List, create, enable, disable or delete Harbor robot accounts, or replace their secret.",
        discussion: """
            INSTANCE alone means the instance's system robots; INSTANCE/PROJECT the robots of one project.
            A robot's secret is printed once, when it is created or refreshed; Harbor never shows it again.
            """,
        subcommands: [
            RobotsListCommand.self, RobotCreateCommand.self, RobotDeleteCommand.self, RobotRefreshSecretCommand.self,
            RobotEnableCommand.self, RobotDisableCommand.self,
        ],
        defaultSubcommand: RobotsListCommand.self)
}
