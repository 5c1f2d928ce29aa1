/// ListRepoTrigger's answer: `Triggers` is an array, or in an old sample a single object.
struct ACRTriggerList: Decodable, Sendable {
    var triggers: [ACRTriggerRecord]

    private enum CodingKeys: String, CodingKey { case triggers = "Triggers" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let list = try? container.decodeIfPresent([ACRTriggerRecord].self, forKey: .triggers) {
            triggers = list
        } else if let single = try container.decodeIfPresent(ACRTriggerRecord.self, forKey: .triggers) {
            triggers = [single]
        } else {
            triggers = []
        }
    }
}
