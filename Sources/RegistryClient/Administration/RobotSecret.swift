import Foundation

/// A robot's secret as Harbor shows it, once: when the robot is created or its secret refreshed.
/// Its description and reflection mask the secret, so printing, logging or dumping the value
/// never shows it; only `reveal()` does, for the one place that shows it to the user.
public struct RobotSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let robotID: Int
    /// The robot's full name (`robot$team-a+ci`), what it logs in with.
    public let robotName: String
    /// When the robot expires; nil when it never does.
    public let expiresAt: Date?
    private let value: String

    /// A secret of robot `robotID`.
    public init(robotID: Int, robotName: String, expiresAt: Date?, value: String) {
        self.robotID = robotID
        self.robotName = robotName
        self.expiresAt = expiresAt
        self.value = value
    }

    /// The secret itself.
    public func reveal() -> String { value }

    /// What stands for the secret wherever it is not meant to be seen.
    public static let mask = "********"

    public var description: String { "\(robotName) (id \(robotID)) secret \(Self.mask)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["robotID": robotID, "robotName": robotName, "secret": Self.mask])
    }
}
