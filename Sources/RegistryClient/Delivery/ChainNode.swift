/// One step of a delivery chain, with what the configuration says about it.
public struct ChainNode: Sendable, Hashable {
    /// A scan's deny policy: which findings block the image and what happens then.
    public struct DenyPolicy: Sendable, Hashable {
        /// `LOW`, `MEDIUM`, `HIGH`, `UNKNOWN`.
        public var issueLevel: String?
        public var issueCount: Int?
        /// `AND` or `OR`.
        public var logic: String?
        /// `BLOCK`, `BLOCK_RETAG`, `BLOCK_DELETE_TAG`.
        public var action: String?

        /// Creates a policy.
        public init(issueLevel: String?, issueCount: Int?, logic: String?, action: String?) {
            self.issueLevel = issueLevel
            self.issueCount = issueCount
            self.logic = logic
            self.action = action
        }

        /// `MEDIUM≥1 BLOCK_DELETE_TAG`.
        public var summary: String {
            let threshold = [issueLevel, issueCount.map { "≥\($0)" }].compactMap { $0 }.joined()
            return [threshold, action].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
        }
    }

    /// `DOCKER_IMAGE_BUILD`, `VULNERABILITY_SCANNING`…, as sent.
    public var name: String
    public var enabled: Bool
    public var denyPolicy: DenyPolicy?
    /// Other settings (`Retry`, `Timeout`, `ScanEngine`) as text.
    public var settings: [String: String]

    /// Creates a node.
    public init(name: String, enabled: Bool, denyPolicy: DenyPolicy? = nil, settings: [String: String] = [:]) {
        self.name = name
        self.enabled = enabled
        self.denyPolicy = denyPolicy
        self.settings = settings
    }

    /// A short word for the step (`build`, `scan`, `replicate`); unknown names as sent.
    public var shortName: String {
        switch name {
        case "DOCKER_IMAGE_BUILD": "build"
        case "DOCKER_IMAGE_PUSH": "push"
        case "VULNERABILITY_SCANNING": "scan"
        case "ACTIVATE_REPLICATION": "replicate"
        case "TRIGGER": "trigger"
        case "SNAPSHOT": "snapshot"
        case "TRIGGER_SNAPSHOT": "trigger-snapshot"
        default: name
        }
    }

    /// `scan(MEDIUM≥1 BLOCK_DELETE_TAG)`, or the short name.
    public var summary: String {
        guard let policy = denyPolicy?.summary, !policy.isEmpty else { return shortName }
        return "\(shortName)(\(policy))"
    }
}
