import Foundation

/// A run's work on one repository: how many artifacts it considered and how many it kept.
public struct RetentionTask: Sendable, Equatable, Identifiable {
    public var id: Int
    public var executionID: Int?
    /// The repository's full name.
    public var repository: String
    public var status: String
    public var started: Date?
    public var ended: Date?
    public var total: Int
    public var retained: Int

    /// Creates a task.
    public init(
        id: Int, executionID: Int?, repository: String, status: String, started: Date?, ended: Date?, total: Int,
        retained: Int
    ) {
        self.id = id
        self.executionID = executionID
        self.repository = repository
        self.status = status
        self.started = started
        self.ended = ended
        self.total = total
        self.retained = retained
    }
}
