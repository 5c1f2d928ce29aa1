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
