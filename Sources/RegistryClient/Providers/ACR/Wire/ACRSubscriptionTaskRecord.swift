/// One run of a subscription rule (Get/ListArtifactSubscriptionTask; times are numbers in one
/// and numeric strings in the other).
struct ACRSubscriptionTaskRecord: Decodable, Sendable {
    var TaskId: String
    var TaskType: String?
    var TaskStatus: String?
    var TaskResult: String?
    var Message: String?
    var SourceProvider: String?
    var SourceNamespaceName: String?
    var SourceRepoName: String?
    var NamespaceName: String?
    var RepoName: String?
    var TagTotalCount: LenientInt?
    var TagSubscriptionCount: LenientInt?
    var StartTime: ACRTime?
    var EndTime: ACRTime?
}
