import Foundation

/// One notification the event center sent: which event, for which image, how and when.
public struct EventRecord: Sendable, Hashable, Identifiable {
    /// The server's id (`crecrr-…`).
    public var id: String
    public var ruleID: String?
    public var ruleName: String?
    /// `cr:Artifact:BuildCompleted` and friends.
    public var type: String
    public var channel: String?
    /// `http`, `https`, `dingding`.
    public var notifyMethod: String?
    /// `namespace/name`, when the event concerns a repository.
    public var repository: String?
    public var tag: String?
    public var time: Date?

    /// Creates a record.
    public init(
        id: String, ruleID: String? = nil, ruleName: String? = nil, type: String, channel: String? = nil,
        notifyMethod: String? = nil, repository: String? = nil, tag: String? = nil, time: Date? = nil
    ) {
        self.id = id
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.type = type
        self.channel = channel
        self.notifyMethod = notifyMethod
        self.repository = repository
        self.tag = tag
        self.time = time
    }

    /// The type without its `cr:Artifact:` prefix (`BuildCompleted`).
    public var shortType: String {
        type.split(separator: ":").last.map(String.init) ?? type
    }
}
