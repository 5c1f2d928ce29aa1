/// A robot account to create: its short name (Harbor adds `robot$` and, for a project robot,
/// `<project>+`), its project (nil for a system robot), lifetime and grants.
public struct RobotDraft: Sendable, Hashable {
    public var name: String
    /// The project of a project robot; nil for a system robot, whose grants apply to every project.
    public var project: String?
    /// Days until it expires; -1 for never.
    public var duration: Int
    public var access: [RobotPermission.Access]
    public var description: String

    /// Creates a draft.
    public init(
        name: String, project: String?, duration: Int, access: [RobotPermission.Access], description: String = ""
    ) {
        self.name = name
        self.project = project
        self.duration = duration
        self.access = access
        self.description = description
    }

    /// The name Harbor will give it: `robot$team-a+ci` or `robot$ci`.
    public var fullName: String { project.map { "robot$\($0)+\(name)" } ?? "robot$\(name)" }

    /// Its one permission entry: the project, or every project (`*`) for a system robot.
    public var permission: RobotPermission {
        RobotPermission(kind: "project", namespace: project ?? "*", access: access)
    }
}
