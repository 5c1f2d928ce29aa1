/// A replication execution (`GET /replication/executions`, `…/executions/{id}`): task counts by
/// state, and `end_time` once it ended.
struct HarborReplicationExecutionRecord: Decodable, Sendable {
    var id: Int
    var policyID: Int?
    var status: String?
    var statusText: String?
    var trigger: String?
    var startTime: HarborTime?
    var endTime: HarborTime?
    var total: Int?
    var failed: Int?
    var succeed: Int?
    var inProgress: Int?
    var stopped: Int?

    enum CodingKeys: String, CodingKey {
        case id, status, trigger, total, failed, succeed, stopped
        case policyID = "policy_id"
        case statusText = "status_text"
        case startTime = "start_time"
        case endTime = "end_time"
        case inProgress = "in_progress"
    }
}
