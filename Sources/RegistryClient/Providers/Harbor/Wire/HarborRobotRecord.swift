/// A robot account (`Robot`: `GET /robots`, `GET /robots/{robot_id}`), also what `PUT` sends back
/// whole. `secret` is never read from a listing; Harbor leaves it empty there.
struct HarborRobotRecord: Codable, Sendable {
    struct Permission: Codable, Sendable {
        var kind: String?
        var namespace: String?
        var access: [Access]?
    }

    struct Access: Codable, Sendable {
        var resource: String?
        var action: String?
        var effect: String?
    }

    var id: Int
    var name: String
    var description: String?
    var level: String?
    var duration: Int?
    var editable: Bool?
    var disable: Bool?
    var expiresAt: Int?
    var permissions: [Permission]?
    var creationTime: HarborTime?

    enum CodingKeys: String, CodingKey {
        case id, name, description, level, duration, editable, disable, permissions
        case expiresAt = "expires_at"
        case creationTime = "creation_time"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(level, forKey: .level)
        try container.encodeIfPresent(duration, forKey: .duration)
        try container.encodeIfPresent(editable, forKey: .editable)
        try container.encodeIfPresent(disable, forKey: .disable)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(permissions, forKey: .permissions)
    }
}
