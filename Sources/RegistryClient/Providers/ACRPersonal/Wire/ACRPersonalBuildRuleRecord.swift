/// A build rule (GetRepoBuildRuleList).
struct ACRPersonalBuildRuleRecord: Decodable, Sendable {
    var buildRuleId: ACRLenientText
    var pushType: String?
    var pushName: String?
    var dockerfileLocation: String?
    var dockerfileName: String?
    var imageTag: String?
}

/// GetRepoBuildRuleList's `data`.
struct ACRPersonalBuildRuleList: Decodable, Sendable {
    var buildRules: [ACRPersonalBuildRuleRecord]
}
