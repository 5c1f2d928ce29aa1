/// Creating, enabling, disabling and deleting robot accounts and replacing their secrets, each
/// change between audit entries that name the robot and its grants, never a secret.
public struct AuditedAdministration: Sendable {
    private let audit: AuditLog

    /// Changes recorded in `audit`.
    public init(audit: AuditLog) {
        self.audit = audit
    }

    /// Creates a robot; the secret in the answer is for the caller to show once.
    public func createRobot(_ draft: RobotDraft, on provider: any RobotManaging) async throws -> RobotSecret {
        let lifetime = draft.duration < 0 ? "never expires" : "\(draft.duration) days"
        let detail = "\(draft.fullName): \(draft.permission.summary), \(lifetime)"
        return try await audit.recording("robot-create", on: provider, detail: detail) {
            try await provider.createRobot(draft)
        }
    }

    /// Disables or enables robot `robot`.
    public func setRobot(_ robot: RobotAccount, disabled: Bool, on provider: any RobotManaging) async throws {
        try await audit.recording(
            disabled ? "robot-disable" : "robot-enable", on: provider, detail: "\(robot.name) (id \(robot.id))"
        ) {
            try await provider.setRobot(id: robot.id, disabled: disabled)
        }
    }

    /// Replaces robot `id`'s secret; the new one is for the caller to show once.
    public func refreshSecret(id: Int, name: String, on provider: any RobotManaging) async throws -> RobotSecret {
        try await audit.recording("robot-refresh-secret", on: provider, detail: "\(name) (id \(id))") {
            try await provider.refreshRobotSecret(id: id)
        }
    }

    /// Deletes robot `id`.
    public func deleteRobot(id: Int, name: String, on provider: any RobotManaging) async throws {
        try await audit.recording("robot-delete", on: provider, detail: "\(name) (id \(id))") {
            try await provider.deleteRobot(id: id)
        }
    }
}
