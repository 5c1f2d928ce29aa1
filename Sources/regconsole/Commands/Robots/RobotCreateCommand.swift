import ArgumentParser
import RegistryClient

/// `regconsole robots create INSTANCE[/PROJECT] --name N [--duration DAYS] --permission resource:action[,…]`.
struct RobotCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a robot account and print its secret, once.",
        discussion: """
            A project robot's grants apply to its project; a system robot's (INSTANCE alone) to every project.
            Permissions are resource:action pairs such as repository:pull,repository:push,artifact:delete.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(
        help: ArgumentHelp("The instance, or one of its projects.", valueName: "instance[/project]"),
        completion: Completions.reference)
    var target: String
    @Option(help: "The robot's name; Harbor prefixes robot$ (and PROJECT+ for a project robot).")
    var name: String
    @Option(help: "Days until it expires; -1 for never.")
    var duration = 30
    @Option(help: ArgumentHelp("What it may do: resource:action, comma-separated or repeated.", valueName: "grants"))
    var permission: [String] = []
    @Option(help: "A description.")
    var description = ""
    @OptionGroup var format: OutputOptions

    func validate() throws {
        guard duration == -1 || duration > 0 else { throw ValidationError("--duration is -1 (never) or days above 0") }
        if let bad = permission.flatMap({ $0.split(separator: ",") }).first(where: {
            RobotPermission.Access(String($0)) == nil
        }) {
            throw ValidationError("'\(bad)' is not resource:action (e.g. repository:pull)")
        }
        guard !grants.isEmpty else { throw ValidationError("give at least one --permission resource:action") }
    }

    private var grants: [RobotPermission.Access] {
        permission.flatMap { $0.split(separator: ",") }.compactMap { RobotPermission.Access(String($0)) }
    }

    func run() async throws {
        let context = try CLIContext(global)
        let robots = try await RobotTarget.parse(target, context: context, writing: "create robot accounts")
        let draft = RobotDraft(
            name: name, project: robots.project, duration: duration, access: grants, description: description)
        let secret = try await robots.changes.createRobot(draft, on: robots.provider)
        RobotTarget.show(secret, "created", format: format.output)
    }
}
