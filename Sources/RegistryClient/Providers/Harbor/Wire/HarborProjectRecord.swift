/// A project (`GET /projects`, `GET /projects/{project_name_or_id}`). Every `metadata` value is a
/// string: `"true"`/`"false"` for flags, digits for ids.
struct HarborProjectRecord: Decodable, Sendable {
    var id: Int
    var name: String
    var ownerID: Int?
    var ownerName: String?
    var creationTime: HarborTime?
    var updateTime: HarborTime?
    var repoCount: Int?
    /// The upstream registry of a proxy-cache project; nil or 0 for an ordinary project.
    var registryID: Int?
    var currentUserRoleIDs: [Int]?
    var metadata: [String: String]?
    var cveAllowlist: HarborCVEAllowlistRecord?

    enum CodingKeys: String, CodingKey {
        case id = "project_id"
        case name
        case ownerID = "owner_id"
        case ownerName = "owner_name"
        case creationTime = "creation_time"
        case updateTime = "update_time"
        case repoCount = "repo_count"
        case registryID = "registry_id"
        case currentUserRoleIDs = "current_user_role_ids"
        case metadata
        case cveAllowlist = "cve_allowlist"
    }

    /// Whether anyone may pull without credentials (`metadata.public` is `"true"`).
    var isPublic: Bool { metadata?["public"]?.lowercased() == "true" }

    /// Whether the project caches an upstream registry.
    var isProxyCache: Bool { (registryID ?? 0) != 0 }

    /// Whether the project uses the system's CVE allowlist instead of its own.
    var reusesSystemAllowlist: Bool { metadata?["reuse_sys_cve_allowlist"]?.lowercased() == "true" }

    /// The project's tag retention policy, when it has one (`metadata.retention_id`).
    var retentionID: Int? { metadata?["retention_id"].flatMap { Int($0) } }
}
