import Foundation

/// A CVE allowlist (`GET /system/CVEAllowlist`, a project's `cve_allowlist`).
struct HarborCVEAllowlistRecord: Decodable, Sendable {
    /// One accepted vulnerability.
    struct Item: Decodable, Sendable {
        var cveID: String?

        enum CodingKeys: String, CodingKey {
            case cveID = "cve_id"
        }
    }

    var projectID: Int?
    /// Seconds since the epoch; absent, null or 0 when the list never expires.
    var expiresAt: Int?
    var items: [Item]?

    enum CodingKeys: String, CodingKey {
        case projectID = "project_id"
        case expiresAt = "expires_at"
        case items
    }

    /// The list as regconsole models it.
    func allowlist(level: CVEAllowlist.Level) -> CVEAllowlist {
        let expires = expiresAt.flatMap { $0 > 0 ? Date(timeIntervalSince1970: TimeInterval($0)) : nil }
        return CVEAllowlist(level: level, ids: Set((items ?? []).compactMap(\.cveID)), expires: expires)
    }
}
