import ArgumentParser
import Foundation
import RegistryClient

/// `regconsole robots [list] INSTANCE[/PROJECT] [--expiring DAYS]`.
struct RobotsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List robot accounts (never their secrets).")

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The instance, or one of its projects.", valueName: "instance[/project]"),
        completion: Completions.reference)
    var target: String
    @Option(help: "Only robots that have not expired but will within this many days.")
    var expiring: Int?
    @OptionGroup var format: OutputOptions

    func validate() throws {
        if let expiring, expiring < 0 { throw ValidationError("--expiring takes a number of days, 0 or more") }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let robots = try await RobotTarget.parse(target, context: context)
        let now = Date()
        let listed = try await robots.provider.robots(project: robots.project).filter { robot in
            expiring.map { robot.expires(within: TimeInterval($0) * 86_400, now: now) } ?? true
        }
        var records = RecordSet(
            columns: [
                .init(key: "id", header: "ID", alignRight: true), .init(key: "name", header: "NAME"),
                .init(key: "level", header: "LEVEL"), .init(key: "permissions", header: "PERMISSIONS"),
                .init(key: "expires", header: "EXPIRES", onlyInTable: true),
                .init(key: "expiresAt", header: "EXPIRES AT", inTable: false),
                .init(key: "status", header: "STATUS"),
                .init(key: "description", header: "DESCRIPTION", inTable: false),
            ], omitsAbsent: true)
        for robot in listed {
            records.rows.append([
                .integer(Int64(robot.id)), .text(robot.name), .text(robot.level.rawValue),
                .text(robot.permissionSummary), .text(RobotExpiry.text(robot.expiresAt, now: now)),
                .date(robot.expiresAt), .text(robot.status(now: now).rawValue),
                .text(robot.description.isEmpty ? nil : robot.description),
            ])
        }
        records.print(as: format.output)
    }
}
