/// A repository webhook (GetRepoWebhook): Personal Edition's triggers.
struct ACRPersonalWebhookRecord: Decodable, Sendable {
    var webhookId: ACRLenientText
    var webhookName: String?
    var webhookUrl: String?
    var triggerType: String?
    var triggerList: [String]?
}

/// GetRepoWebhook's `data`.
struct ACRPersonalWebhookList: Decodable, Sendable {
    var webhooks: [ACRPersonalWebhookRecord]
}
