import Foundation

/// One resource a replication execution copies (or deletes), e.g. `ns/app:[v1,latest]`.
public struct ReplicationTask: Sendable, Hashable, Identifiable {
    public var id: Int
    public var executionID: Int
    public var status: HarborJobStatus
    /// `copy` or `deletion`.
    public var operation: String?
    /// `image`, `chart`, `artifact`, …
    public var resourceType: String?
    public var source: String
    public var destination: String
    public var started: Date?
    public var ended: Date?

    public init(
        id: Int, executionID: Int, status: HarborJobStatus, operation: String? = nil, resourceType: String? = nil,
        source: String, destination: String, started: Date? = nil, ended: Date? = nil
    ) {
        self.id = id
        self.executionID = executionID
        self.status = status
        self.operation = operation
        self.resourceType = resourceType
        self.source = source
        self.destination = destination
        self.started = started
        self.ended = ended
    }
}
