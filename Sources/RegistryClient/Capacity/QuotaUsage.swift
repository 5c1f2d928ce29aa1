/// How much of one quota is used: an instance's namespaces, repositories, chart namespaces and
/// repositories, linked VPCs (ACR), or a project's storage in bytes (Harbor).
public struct QuotaUsage: Sendable, Hashable, Identifiable {
    /// What the quota counts.
    public enum Resource: String, Sendable, CaseIterable {
        case namespaces
        case repositories
        case chartNamespaces
        case chartRepositories
        case vpcs
        /// Bytes stored in one project (`scope`).
        case storage
    }

    /// Above this share of the quota a resource needs attention.
    public static let warningShare = 0.8

    public var resource: Resource
    public var used: Int
    /// Nil when the server gives no limit.
    public var quota: Int?
    /// The namespace a per-namespace quota belongs to; nil for an instance quota.
    public var scope: String?

    /// Creates a figure.
    public init(resource: Resource, used: Int, quota: Int?, scope: String? = nil) {
        self.resource = resource
        self.used = used
        self.quota = quota
        self.scope = scope
    }

    public var id: String { scope.map { "\(resource.rawValue)/\($0)" } ?? resource.rawValue }

    /// Whether the figures are bytes.
    public var isBytes: Bool { resource == .storage }

    /// used / quota, nil without a positive quota.
    public var share: Double? {
        guard let quota, quota > 0 else { return nil }
        return Double(used) / Double(quota)
    }

    /// More than 80 % used.
    public var isNearLimit: Bool { (share ?? 0) > Self.warningShare }
}
