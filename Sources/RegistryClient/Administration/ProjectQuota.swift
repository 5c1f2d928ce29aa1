/// A Harbor project's storage quota (`GET /quotas`): the bytes its artifacts use and its limit.
public struct ProjectQuota: Sendable, Hashable, Identifiable {
    /// The quota's id (not the project's).
    public var id: Int
    public var project: String
    public var projectID: Int?
    /// Bytes stored.
    public var usedStorage: Int64
    /// The limit in bytes; nil when unlimited (Harbor's `-1`).
    public var hardStorage: Int64?

    /// Creates a quota.
    public init(id: Int, project: String, projectID: Int?, usedStorage: Int64, hardStorage: Int64?) {
        self.id = id
        self.project = project
        self.projectID = projectID
        self.usedStorage = usedStorage
        self.hardStorage = hardStorage
    }

    /// As the usage views show quotas.
    public var usage: QuotaUsage {
        QuotaUsage(resource: .storage, used: Int(usedStorage), quota: hardStorage.map(Int.init), scope: project)
    }
}
