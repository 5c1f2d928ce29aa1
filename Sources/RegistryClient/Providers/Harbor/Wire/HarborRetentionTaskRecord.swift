/// A run's work on one repository (`RetentionExecutionTask`, `GET …/executions/{eid}/tasks`).
struct HarborRetentionTaskRecord: Decodable, Sendable {
    var id: Int
    var executionID: Int?
    var repository: String?
    var jobID: String?
    var status: String?
    var statusCode: Int?
    var startTime: HarborTime?
    var endTime: HarborTime?
    var total: Int?
    var retained: Int?

    enum CodingKeys: String, CodingKey {
        case id
        case executionID = "execution_id"
        case repository
        case jobID = "job_id"
        case status
        case statusCode = "status_code"
        case startTime = "start_time"
        case endTime = "end_time"
        case total
        case retained
    }

    var task: RetentionTask {
        RetentionTask(
            id: id, executionID: executionID, repository: repository ?? "", status: status ?? "",
            started: startTime?.date, ended: endTime?.date, total: total ?? 0, retained: retained ?? 0)
    }
}
