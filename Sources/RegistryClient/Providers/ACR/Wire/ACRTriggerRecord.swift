/// A repository trigger (ListRepoTrigger's `Triggers`).
struct ACRTriggerRecord: Decodable, Sendable {
    var TriggerId: String
    var TriggerName: String?
    var TriggerUrl: String?
    var TriggerType: String?
    var TriggerTag: String?
    var RepoEvent: String?
}
