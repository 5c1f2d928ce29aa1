/// `RobotCreate`, the body of `POST /robots`.
struct HarborRobotCreate: Encodable, Sendable {
    var name: String
    var description: String
    var level: String
    var disable: Bool
    var duration: Int
    var permissions: [HarborRobotRecord.Permission]
}

/// `RobotCreated` (`POST /robots`) and `RobotSec` (`PATCH /robots/{robot_id}`): the only answers
/// holding a secret.
struct HarborRobotCreated: Decodable, Sendable {
    var id: Int?
    var name: String?
    var secret: String?
    var expiresAt: Int?

    enum CodingKeys: String, CodingKey {
        case id, name, secret
        case expiresAt = "expires_at"
    }
}
