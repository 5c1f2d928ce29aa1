import Foundation

/// A Harbor robot account as listed: never its secret, which Harbor shows once, when it is
/// created or refreshed (`RobotSecret`).
public struct RobotAccount: Sendable, Hashable, Identifiable {
    /// Where a robot works: one project, or the whole instance.
    public enum Level: String, Sendable, Hashable, Codable {
        case system
        case project
    }

    /// Whether a robot can log in now.
    public enum Status: String, Sendable, Hashable, Codable {
        case enabled
        case disabled
        case expired
    }

    public var id: Int
    /// The full name the robot logs in with: `robot$ops`, `robot$team-a+ci`.
    public var name: String
    public var description: String
    public var level: Level
    /// Its lifetime in days; -1 for never.
    public var duration: Int
    /// When it stops working; nil when it never does.
    public var expiresAt: Date?
    public var disabled: Bool
    public var permissions: [RobotPermission]
    public var created: Date?

    /// Creates a robot account.
    public init(
        id: Int, name: String, description: String = "", level: Level, duration: Int, expiresAt: Date?,
        disabled: Bool, permissions: [RobotPermission], created: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.level = level
        self.duration = duration
        self.expiresAt = expiresAt
        self.disabled = disabled
        self.permissions = permissions
        self.created = created
    }

    /// The project of a project robot: its permission's namespace.
    public var project: String? {
        level == .project ? permissions.first { $0.kind == "project" }?.namespace : nil
    }

    /// Whether its expiry has passed at `now`.
    public func isExpired(now: Date) -> Bool {
        expiresAt.map { $0 <= now } ?? false
    }

    /// Whether it has not expired at `now` but will within `interval`.
    public func expires(within interval: TimeInterval, now: Date) -> Bool {
        guard let expiresAt, !isExpired(now: now) else { return false }
        return expiresAt.timeIntervalSince(now) <= interval
    }

    /// Expired before disabled: an expired robot cannot log in whether enabled or not.
    public func status(now: Date) -> Status {
        if isExpired(now: now) { return .expired }
        return disabled ? .disabled : .enabled
    }

    /// Every permission's grants: `repository:pull,push` for a project robot; with the
    /// namespace first for a system robot (`/: audit-log:list; *: repository:pull`).
    public var permissionSummary: String {
        if level == .project { return permissions.map(\.summary).joined(separator: "; ") }
        return permissions.map { "\($0.namespace): \($0.summary)" }.joined(separator: "; ")
    }
}
