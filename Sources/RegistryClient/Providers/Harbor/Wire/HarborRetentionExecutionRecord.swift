/// A run of a retention policy (`RetentionExecution`, `GET /retentions/{id}/executions`).
struct HarborRetentionExecutionRecord: Decodable, Sendable {
    var id: Int
    var policyID: Int?
    var startTime: HarborTime?
    var endTime: HarborTime?
    var status: String?
    var trigger: String?
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey {
        case id
        case policyID = "policy_id"
        case startTime = "start_time"
        case endTime = "end_time"
        case status
        case trigger
        case dryRun = "dry_run"
    }

    var execution: RetentionExecution {
        RetentionExecution(
            id: id, policyID: policyID, started: startTime?.date, ended: endTime?.date, status: status ?? "",
            trigger: trigger ?? "", dryRun: dryRun ?? false)
    }
}
