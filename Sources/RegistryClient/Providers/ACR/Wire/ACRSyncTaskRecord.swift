/// A sync task as GetRepoSyncTask answers it (with layers) or ListRepoSyncTask lists it.
struct ACRSyncTaskRecord: Decodable, Sendable {
    /// `ImageFrom` and `ImageTo`.
    struct Image: Decodable, Sendable {
        var RegionId: String?
        var InstanceId: String?
        var RepoNamespaceName: String?
        var RepoName: String?
        var ImageTag: String?
    }

    /// One layer's copy (`LayerTasks`).
    struct Layer: Decodable, Sendable {
        var Size: LenientInt?
        var SyncedSize: LenientInt?
        var TaskStatus: String?
    }

    var SyncTaskId: String
    var SyncRuleId: String?
    var SyncBatchTaskId: String?
    var TaskStatus: String?
    var TaskTrigger: String?
    var TaskIssue: String?
    var ImageFrom: Image?
    var ImageTo: Image?
    var LayerTasks: [Layer]?
    var CreateTime: ACRTime?
    var ModifiedTime: ACRTime?
}
