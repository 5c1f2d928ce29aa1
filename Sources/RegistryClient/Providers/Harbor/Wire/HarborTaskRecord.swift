/// A task-manager task (`GET …/executions/{execution_id}/tasks` of webhook jobs): its status,
/// how often it ran, and its times.
struct HarborTaskRecord: Decodable, Sendable {
    var id: Int
    var executionID: Int?
    var status: String?
    var statusMessage: String?
    var runCount: Int?
    var startTime: HarborTime?
    var endTime: HarborTime?

    enum CodingKeys: String, CodingKey {
        case id, status
        case executionID = "execution_id"
        case statusMessage = "status_message"
        case runCount = "run_count"
        case startTime = "start_time"
        case endTime = "end_time"
    }
}
