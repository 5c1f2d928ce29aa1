/// How clients reach an instance's registry: over the internet (with an access list) or from
/// linked VPCs, under the domains listed.
public struct InstanceEndpoint: Sendable, Hashable, Identifiable {
    /// Which network the endpoint serves.
    public enum Kind: String, Sendable, CaseIterable {
        case internet
        case vpc
    }

    /// A domain the endpoint answers on.
    public struct Domain: Sendable, Hashable {
        public var name: String
        /// A domain the user added (ACR `USER`), as opposed to the instance's own.
        public var isCustom: Bool

        /// Creates a domain.
        public init(name: String, isCustom: Bool = false) {
            self.name = name
            self.isCustom = isCustom
        }
    }

    public var kind: Kind
    /// Switched on.
    public var enabled: Bool
    /// `RUNNING`, or `CREATING`/`DELETING` while a switch takes effect.
    public var status: String?
    public var domains: [Domain]
    /// Whether the access list applies (internet only).
    public var aclEnabled: Bool
    public var acl: [ACLEntry]
    public var linkedVPCs: [LinkedVPC]

    /// Creates an endpoint.
    public init(
        kind: Kind, enabled: Bool, status: String? = nil, domains: [Domain] = [], aclEnabled: Bool = false,
        acl: [ACLEntry] = [], linkedVPCs: [LinkedVPC] = []
    ) {
        self.kind = kind
        self.enabled = enabled
        self.status = status
        self.domains = domains
        self.aclEnabled = aclEnabled
        self.acl = acl
        self.linkedVPCs = linkedVPCs
    }

    public var id: String { kind.rawValue }

    /// A switch is still taking effect.
    public var isChanging: Bool {
        guard let status else { return false }
        return ["CREATING", "DELETING", "UPDATING"].contains(status.uppercased())
    }
}
