/// A project's summary (`GET /projects/{project_name_or_id}/summary`); member counts and the quota
/// are present only when the caller may read them.
struct HarborProjectSummaryRecord: Decodable, Sendable {
    /// Quota figures by resource name; Harbor has only `storage` (bytes), `-1` meaning unlimited.
    struct Quota: Decodable, Sendable {
        var hard: [String: Int]?
        var used: [String: Int]?
    }

    var repoCount: Int?
    var projectAdminCount: Int?
    var maintainerCount: Int?
    var developerCount: Int?
    var guestCount: Int?
    var limitedGuestCount: Int?
    var quota: Quota?

    enum CodingKeys: String, CodingKey {
        case repoCount = "repo_count"
        case projectAdminCount = "project_admin_count"
        case maintainerCount = "maintainer_count"
        case developerCount = "developer_count"
        case guestCount = "guest_count"
        case limitedGuestCount = "limited_guest_count"
        case quota
    }

    /// The storage limit in bytes; nil when unlimited (`-1`) or not visible to the caller.
    var storageLimit: Int? { quota?.hard?["storage"].flatMap { $0 < 0 ? nil : $0 } }

    /// The storage used in bytes, when visible to the caller.
    var storageUsed: Int? { quota?.used?["storage"] }
}
