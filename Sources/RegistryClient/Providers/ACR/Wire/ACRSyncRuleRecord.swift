/// A sync rule as ListRepoSyncRule lists it.
struct ACRSyncRuleRecord: Decodable, Sendable {
    var SyncRuleId: String
    var SyncRuleName: String?
    var SyncScope: String?
    var SyncTrigger: String?
    var SyncDirection: String?
    var TagFilter: String?
    var RepoNameFilter: String?
    var NamespaceNameFilter: String?
    var LocalRegionId: String?
    var LocalInstanceId: String?
    var LocalNamespaceName: String?
    var LocalRepoName: String?
    var TargetRegionId: String?
    var TargetInstanceId: String?
    var TargetNamespaceName: String?
    var TargetRepoName: String?
    var Priority: LenientInt?
    var CreateTime: ACRTime?
}
