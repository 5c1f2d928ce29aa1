/// An artifact subscription rule (Get/ListArtifactSubscriptionRule).
struct ACRSubscriptionRuleRecord: Decodable, Sendable {
    var RuleId: String
    var SourceProvider: String?
    var SourceDomain: String?
    var SourceNamespaceName: String?
    var SourceRepoName: String?
    var NamespaceName: String?
    var RepoName: String?
    var TagRegexp: String?
    var TagCount: LenientInt?
    var Platform: [String]?
    var Override: ACRLenientText?
    var CreateTime: ACRTime?
}
