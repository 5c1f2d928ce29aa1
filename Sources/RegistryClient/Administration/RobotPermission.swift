/// What a robot account may do in one place: Harbor's `RobotPermission`, a kind (`project` or
/// `system`), a namespace (a project name, `*` for every project, `/` for the system) and the
/// resource/action pairs granted there.
public struct RobotPermission: Sendable, Hashable, Codable {
    /// One grant: `repository:pull`, `artifact:delete`, `*:*`.
    public struct Access: Sendable, Hashable, Codable, CustomStringConvertible {
        public var resource: String
        public var action: String

        /// Creates a grant.
        public init(resource: String, action: String) {
            self.resource = resource
            self.action = action
        }

        /// Parses `resource:action`; nil when either part is missing or holds spaces.
        public init?(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !trimmed.contains(" ") else { return nil }
            self.init(resource: String(parts[0]), action: String(parts[1]))
        }

        public var description: String { "\(resource):\(action)" }
    }

    public var kind: String
    public var namespace: String
    public var access: [Access]

    /// Creates a permission.
    public init(kind: String, namespace: String, access: [Access]) {
        self.kind = kind
        self.namespace = namespace
        self.access = access
    }

    /// `repository:pull,push artifact:delete`: the grants grouped by resource, in order.
    public var summary: String {
        var resources: [String] = []
        var actions: [String: [String]] = [:]
        for grant in access {
            if actions[grant.resource] == nil { resources.append(grant.resource) }
            actions[grant.resource, default: []].append(grant.action)
        }
        return resources.map { "\($0):\(actions[$0, default: []].joined(separator: ","))" }.joined(separator: " ")
    }
}
