import Foundation

/// One run of a build: its status, the tag it builds and when it ran.
public struct BuildRecord: Sendable, Hashable, Identifiable {
    /// The server's id (UUID-like).
    public var id: String
    public var status: BuildStatus
    /// `namespace/name`, when the server says.
    public var repository: String?
    /// The image tag the build pushes.
    public var tag: String?
    public var startTime: Date?
    /// Nil while the build runs.
    public var endTime: Date?

    /// Creates a record.
    public init(
        id: String, status: BuildStatus, repository: String? = nil, tag: String? = nil, startTime: Date? = nil,
        endTime: Date? = nil
    ) {
        self.id = id
        self.status = status
        self.repository = repository
        self.tag = tag
        self.startTime = startTime
        self.endTime = endTime
    }

    /// How long the build ran, or has run until `now` while it runs.
    public func duration(now: Date = Date()) -> TimeInterval? {
        guard let startTime else { return nil }
        let end = status.isRunning ? now : endTime
        return end.map { max(0, $0.timeIntervalSince(startTime)) }
    }
}
