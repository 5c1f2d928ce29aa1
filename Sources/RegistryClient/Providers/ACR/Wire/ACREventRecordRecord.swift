/// A delivered notification (ListEventCenterRecord's `Records`).
struct ACREventRecordRecord: Decodable, Sendable {
    var RecordId: String
    var RuleId: String?
    var RuleName: String?
    var EventType: String?
    var EventChannel: String?
    var EventNotifyMethod: String?
    var Namespace: String?
    var RepoName: String?
    var Tag: String?
    var CreateTime: ACRTime?
    var UpdateTime: ACRTime?
}
