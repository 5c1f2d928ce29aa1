/// A project's webhook policy (`GET|PUT /projects/{project_name_or_id}/webhook/policies/{id}`),
/// read and written back whole. Harbor returns each target's address and `auth_header` as stored:
/// both may carry secrets, so they are only ever sent back, never shown.
struct HarborWebhookPolicyRecord: Codable, Sendable {
    var id: Int
    var name: String?
    var description: String?
    var projectID: Int?
    var targets: [Target]?
    var eventTypes: [String]?
    var creator: String?
    var creationTime: HarborTime?
    var updateTime: HarborTime?
    var enabled: Bool?

    struct Target: Codable, Sendable {
        var type: String?
        var address: String?
        var authHeader: String?
        var skipCertVerify: Bool?
        var payloadFormat: String?

        enum CodingKeys: String, CodingKey {
            case type, address
            case authHeader = "auth_header"
            case skipCertVerify = "skip_cert_verify"
            case payloadFormat = "payload_format"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, targets, creator, enabled
        case projectID = "project_id"
        case eventTypes = "event_types"
        case creationTime = "creation_time"
        case updateTime = "update_time"
    }

    /// Everything but the times, which Harbor sets itself.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(projectID, forKey: .projectID)
        try container.encodeIfPresent(targets, forKey: .targets)
        try container.encodeIfPresent(eventTypes, forKey: .eventTypes)
        try container.encodeIfPresent(creator, forKey: .creator)
        try container.encodeIfPresent(enabled, forKey: .enabled)
    }
}
