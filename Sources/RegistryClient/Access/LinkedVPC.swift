/// A VPC linked to an instance's VPC endpoint: where clients inside it reach the registry.
public struct LinkedVPC: Sendable, Hashable, Identifiable {
    public var vpcID: String
    public var vswitchID: String?
    /// The endpoint's address in the VPC.
    public var ip: String?
    /// `CREATING`, `RUNNING`…, as sent.
    public var status: String?
    /// Whether the instance's default domain resolves to this VPC.
    public var defaultAccess: Bool
    /// What is wrong with the link (`PRIVATE_ZONE_CONFLICT_AT_…`), when something is.
    public var issue: String?

    /// Creates a link.
    public init(
        vpcID: String, vswitchID: String? = nil, ip: String? = nil, status: String? = nil, defaultAccess: Bool = false,
        issue: String? = nil
    ) {
        self.vpcID = vpcID
        self.vswitchID = vswitchID
        self.ip = ip
        self.status = status
        self.defaultAccess = defaultAccess
        self.issue = issue
    }

    public var id: String { "\(vpcID)/\(vswitchID ?? "")" }

    /// The issue with what to do about it, nil when the link is healthy.
    public var issueAdvice: String? {
        guard let issue, !issue.isEmpty else { return nil }
        if issue.uppercased().hasPrefix("PRIVATE_ZONE_CONFLICT") {
            return "\(issue): another PrivateZone zone covers the instance's domain in this VPC; "
                + "remove the conflicting zone's binding or its record"
        }
        return issue
    }
}
