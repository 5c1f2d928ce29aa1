/// A rule of an instance's event center: which events notify where. ACR lists rules by name only;
/// `type` and `channel` are filled from the rule's delivered records when there are any, and stay
/// nil otherwise (never guessed).
public struct EventRule: Sendable, Hashable, Identifiable {
    /// The server's id (`crecr-…`).
    public var id: String
    public var name: String
    /// `cr:Artifact:BuildCompleted` and friends.
    public var type: String?
    /// `INSTANCE`, `NAMESPACE` or `REPO`.
    public var scope: String?
    /// `EVENT_BRIDGE`.
    public var channel: String?

    /// Creates a rule.
    public init(id: String, name: String, type: String? = nil, scope: String? = nil, channel: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.scope = scope
        self.channel = channel
    }

    /// The event types ACR notifies about.
    public static let eventTypes = [
        "cr:Artifact:BuildCompleted", "cr:Artifact:ScanCompleted", "cr:Artifact:SynchronizationCompleted",
        "cr:Artifact:DeliveryChainCompleted", "cr:Artifact:SigningCompleted",
    ]
}
