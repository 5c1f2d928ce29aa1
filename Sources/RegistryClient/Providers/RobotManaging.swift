/// A provider with robot accounts (Harbor): listed per project or for the whole instance, created
/// with their secret shown once, enabled or disabled, deleted, their secret replaced.
public protocol RobotManaging: RegistryProvider {
    /// The robots of `project`, or the instance's system robots when nil.
    func robots(project: String?) async throws -> [RobotAccount]
    func robot(id: Int) async throws -> RobotAccount
    /// Creates a robot; the answer is the only time its secret is seen.
    func createRobot(_ draft: RobotDraft) async throws -> RobotSecret
    /// Turns a robot off (or on again) without deleting it.
    func setRobot(id: Int, disabled: Bool) async throws
    /// A new secret for the robot; the old one stops working.
    func refreshRobotSecret(id: Int) async throws -> RobotSecret
    func deleteRobot(id: Int) async throws
}
