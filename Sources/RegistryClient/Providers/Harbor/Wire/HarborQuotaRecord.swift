/// A quota (`Quota`: `GET /quotas`): the project it belongs to under `ref`, limits and use by
/// resource name (Harbor has only `storage`, bytes, `-1` unlimited).
struct HarborQuotaRecord: Decodable, Sendable {
    struct Reference: Decodable, Sendable {
        var id: Int?
        var name: String?
    }

    var id: Int
    var ref: Reference?
    var hard: [String: Int64]?
    var used: [String: Int64]?
}
