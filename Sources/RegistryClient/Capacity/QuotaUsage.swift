/// How much of one instance quota is used: namespaces, repositories, chart namespaces and
/// repositories, linked VPCs.
public struct QuotaUsage: Sendable, Hashable, Identifiable {
    /// What the quota counts.
    public enum Resource: String, Sendable, CaseIterable {
        case namespaces
        case repositories
        case chartNamespaces
        case chartRepositories
        case vpcs
    }

    /// Above this share of the quota a resource needs attention.
    public static let warningShare = 0.8

    public var resource: Resource
    public var used: Int
    /// Nil when the server gives no limit.
    public var quota: Int?

    /// Creates a figure.
    public init(resource: Resource, used: Int, quota: Int?) {
        self.resource = resource
        self.used = used
        self.quota = quota
    }

    public var id: String { resource.rawValue }

    /// used / quota, nil without a positive quota.
    public var share: Double? {
        guard let quota, quota > 0 else { return nil }
        return Double(used) / Double(quota)
    }

    /// More than 80 % used.
    public var isNearLimit: Bool { (share ?? 0) > Self.warningShare }
}
