/// An event-center rule as ListEventCenterRuleName gives it: id and name only.
struct ACREventRuleNameRecord: Decodable, Sendable {
    var RuleId: String
    var RuleName: String?
}
