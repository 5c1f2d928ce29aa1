/// A repository's source binding (GetRepoSourceCodeRepo): the flags come as `"true"`/`"false"`.
struct ACRSourceCodeRecord: Decodable, Sendable {
    var CodeRepoId: ACRLenientText?
    var CodeRepoType: String?
    var CodeRepoDomain: String?
    var CodeRepoNamespaceName: String?
    var CodeRepoName: String?
    var AutoBuild: ACRLenientText?
    var DisableCacheBuild: ACRLenientText?
    var OverseaBuild: ACRLenientText?
}
