/// A build rule (ListRepoBuildRule).
struct ACRBuildRuleRecord: Decodable, Sendable {
    var BuildRuleId: String
    var PushType: String?
    var PushName: String?
    var ImageTag: String?
    var DockerfileLocation: String?
    var DockerfileName: String?
    var BuildArgs: [String]?
    var Platforms: [String]?
}
