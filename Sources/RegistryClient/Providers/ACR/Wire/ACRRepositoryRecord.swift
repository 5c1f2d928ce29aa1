/// A repository (ListRepository, GetRepository); `RepoName` is the name within its namespace.
struct ACRRepositoryRecord: Decodable, Sendable {
    var RepoId: String
    var RepoName: String
    var RepoNamespaceName: String
    var RepoType: String?
    var RepoStatus: String?
    var RepoBuildType: String?
    var Summary: String?
    var Detail: String?
    var TagImmutability: Bool?
    var CreateTime: ACRTime?
    var ModifiedTime: ACRTime?

    /// `namespace/name`, the repository path in references.
    var fullName: String { "\(RepoNamespaceName)/\(RepoName)" }
}
