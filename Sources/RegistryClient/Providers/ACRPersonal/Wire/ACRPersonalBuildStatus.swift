/// A build's status alone (GetRepoBuildStatus).
struct ACRPersonalBuildStatus: Decodable, Sendable {
    var buildStatus: String
}
