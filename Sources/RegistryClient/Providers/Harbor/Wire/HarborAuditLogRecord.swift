/// One audit entry (`AuditLogExt`: `GET /auditlog-exts`, `GET /projects/{project_name}/auditlog-exts`).
struct HarborAuditLogRecord: Decodable, Sendable {
    var id: Int
    var username: String?
    var resource: String?
    var resourceType: String?
    var operation: String?
    var operationDescription: String?
    var operationResult: Bool?
    var opTime: HarborTime?

    enum CodingKeys: String, CodingKey {
        case id, username, resource, operation
        case resourceType = "resource_type"
        case operationDescription = "operation_description"
        case operationResult = "operation_result"
        case opTime = "op_time"
    }
}
