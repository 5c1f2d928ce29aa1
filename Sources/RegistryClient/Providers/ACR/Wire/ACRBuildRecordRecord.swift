/// A build (ListRepoBuildRecord, GetRepoBuildRecord). The list calls the status `BuildStatus` and
/// sends times as strings; Get calls it `Status` and sends numbers (once a boolean).
struct ACRBuildRecordRecord: Decodable, Sendable {
    var BuildRecordId: String
    var BuildStatus: ACRLenientText?
    var Status: ACRLenientText?
    var StartTime: ACRTime?
    var EndTime: ACRTime?
    var Image: ImageRecord?

    /// The image a build pushes.
    struct ImageRecord: Decodable, Sendable {
        var RepoNamespaceName: String?
        var RepoName: String?
        var ImageTag: String?
    }
}
