/// A server-side tag retention rule (List/GetArtifactLifecycleRule).
struct ACRLifecycleRuleRecord: Decodable, Sendable {
    var RuleId: String
    var Scope: String?
    var NamespaceName: String?
    var RepoName: String?
    var RetentionTagCount: LenientInt?
    var TagRegexp: String?
    var ScheduleTime: String?
    var Auto: Bool?
    var EnableDeleteTag: Bool?
    var EnableDeleteUntaggedManifest: Bool?
    var NextTime: ACRTime?
}
