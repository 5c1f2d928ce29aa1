/// A task of a replication execution (`GET /replication/executions/{id}/tasks`): one resource
/// copied, e.g. `library/app:[v1,latest]` to `backup/app:[v1,latest]`.
struct HarborReplicationTaskRecord: Decodable, Sendable {
    var id: Int
    var executionID: Int?
    var status: String?
    var jobID: String?
    var operation: String?
    var resourceType: String?
    var srcResource: String?
    var dstResource: String?
    var startTime: HarborTime?
    var endTime: HarborTime?

    enum CodingKeys: String, CodingKey {
        case id, status, operation
        case executionID = "execution_id"
        case jobID = "job_id"
        case resourceType = "resource_type"
        case srcResource = "src_resource"
        case dstResource = "dst_resource"
        case startTime = "start_time"
        case endTime = "end_time"
    }
}
