/// What a Create action answers: the new object's id, under the action's own key.
struct ACRCreated: Decodable, Sendable {
    var RepoId: String?
    var RuleId: String?
    var BuildRuleId: String?
    var BuildRecordId: String?
    var TriggerId: String?
    var ChainId: String?
    var SyncRuleId: String?
    var SyncTaskId: String?
    var TaskId: String?
}
