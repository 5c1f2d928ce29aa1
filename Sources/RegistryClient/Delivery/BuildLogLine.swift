/// One line of a build's log.
public struct BuildLogLine: Sendable, Hashable, Identifiable {
    /// The server's line number (the order, and what a follower resumes after).
    public var number: Int
    /// `GIT_CLONE`, `BUILD`, `PUSH`…, when given.
    public var stage: String?
    public var message: String

    /// Creates a line.
    public init(number: Int, stage: String?, message: String) {
        self.number = number
        self.stage = stage
        self.message = message
    }

    public var id: Int { number }
}
