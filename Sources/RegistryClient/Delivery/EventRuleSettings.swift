/// Everything an event-center rule update sends. ACR may replace the whole rule on update, so
/// every field is sent each time.
public struct EventRuleSettings: Sendable, Hashable {
    /// Where the rule applies.
    public enum Scope: String, Sendable, CaseIterable {
        case instance = "INSTANCE"
        case namespace = "NAMESPACE"
        case repository = "REPO"
    }

    public var name: String
    /// One of `EventRule.eventTypes`.
    public var eventType: String
    public var scope: Scope
    /// Namespaces (namespace scope) the rule watches.
    public var namespaces: [String]
    /// Repositories (`name` within a namespace, repository scope) the rule watches.
    public var repositories: [String]
    /// A regular expression over tags (`.*`).
    public var tagFilter: String
    /// `http`, `https` or `dingding`.
    public var notifyMethod: String
    /// Where notifications go.
    public var notifyURL: String
    public var channel: String

    /// Creates settings.
    public init(
        name: String, eventType: String, scope: Scope = .instance, namespaces: [String] = [],
        repositories: [String] = [], tagFilter: String = ".*", notifyMethod: String = "https", notifyURL: String,
        channel: String = "EVENT_BRIDGE"
    ) {
        self.name = name
        self.eventType = eventType
        self.scope = scope
        self.namespaces = namespaces
        self.repositories = repositories
        self.tagFilter = tagFilter
        self.notifyMethod = notifyMethod
        self.notifyURL = notifyURL
        self.channel = channel
    }

    /// Checks the type, the tag filter and the URL.
    /// - Throws: `RegistryError(.invalidReference)` naming the field.
    public func validate() throws {
        guard EventRule.eventTypes.contains(eventType) else {
            throw RegistryError(
                .invalidReference, "'\(eventType)' is not an event type",
                hint: "use one of \(EventRule.eventTypes.joined(separator: ", "))")
        }
        try RepositoryTrigger.Match.requireCompiles(tagFilter)
        if notifyMethod != "dingding" { try RepositoryTrigger.requireWebURL(notifyURL) }
    }
}
