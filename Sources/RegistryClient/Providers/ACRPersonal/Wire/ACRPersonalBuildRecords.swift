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

/// A build (GetRepoBuildList).
struct ACRPersonalBuildRecord: Decodable, Sendable {
    var buildId: ACRLenientText
    var buildStatus: String?
    var startTime: ACRTime?
    var endTime: ACRTime?
    var image: Image?

    /// The image the build pushed.
    struct Image: Decodable, Sendable {
        var repoNamespace: String?
        var repoName: String?
        var tag: String?
    }
}

/// A build's status alone (GetRepoBuildStatus).
struct ACRPersonalBuildStatus: Decodable, Sendable {
    var buildStatus: String
}

/// The ids create calls answer with: `{buildRuleId}`, `{buildId}`, `{webhookId}`.
struct ACRPersonalCreated: Decodable, Sendable {
    var buildRuleId: ACRLenientText?
    var buildId: ACRLenientText?
    var webhookId: ACRLenientText?
}
