/// The ids create calls answer with: `{buildRuleId}`, `{buildId}`, `{webhookId}`.
struct ACRPersonalCreated: Decodable, Sendable {
    var buildRuleId: ACRLenientText?
    var buildId: ACRLenientText?
    var webhookId: ACRLenientText?
}
