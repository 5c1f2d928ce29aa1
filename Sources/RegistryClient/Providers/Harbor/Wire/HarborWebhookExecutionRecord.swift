/// One delivery of a webhook policy (`GET …/webhook/policies/{id}/executions`), a task-manager
/// execution: `status` is `Pending`, `Running`, `Success`, `Error` or `Stopped`, the event in
/// `extra_attrs.event_type`, times in whole seconds.
struct HarborWebhookExecutionRecord: Decodable, Sendable {
    var id: Int
    var vendorID: Int?
    var status: String?
    var statusMessage: String?
    var trigger: String?
    var extraAttrs: ExtraAttributes?
    var startTime: HarborTime?
    var endTime: HarborTime?

    /// `extra_attrs`, of which only the event type is read (other values may be of any type).
    struct ExtraAttributes: Decodable, Sendable {
        var eventType: String?

        enum CodingKeys: String, CodingKey {
            case eventType = "event_type"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            eventType = try? container.decodeIfPresent(String.self, forKey: .eventType)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, status, trigger
        case vendorID = "vendor_id"
        case statusMessage = "status_message"
        case extraAttrs = "extra_attrs"
        case startTime = "start_time"
        case endTime = "end_time"
    }
}
