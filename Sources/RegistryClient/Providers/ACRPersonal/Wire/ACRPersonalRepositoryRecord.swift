/// A repository (GetRepoList, GetRepoListByNamespace, GetRepo).
struct ACRPersonalRepositoryRecord: Decodable, Sendable {
    var repoId: ACRLenientText?
    var repoNamespace: String
    var repoName: String
    var repoType: String?
    var summary: String?
    var detail: String?
    var regionId: String?
    var repoStatus: String?
    var gmtModified: ACRTime?
    var repoDomainList: Domains?

    /// Where the repository's images are pulled from.
    struct Domains: Decodable, Sendable {
        var `public`: String?
        var `internal`: String?
        var vpc: String?
    }

    /// `namespace/name`.
    var fullName: String { "\(repoNamespace)/\(repoName)" }
}

/// GetRepo's `data`: `{"repo":{…}}`.
struct ACRPersonalRepositoryDetail: Decodable, Sendable {
    var repo: ACRPersonalRepositoryRecord
}
