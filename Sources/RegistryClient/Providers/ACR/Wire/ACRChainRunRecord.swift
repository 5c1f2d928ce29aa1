/// A chain run (ListChainInstance's `ChainInstances`).
struct ACRChainRunRecord: Decodable, Sendable {
    var ChainInstanceId: String
    var Chain: ChainReference?
    var RepoNamespaceName: String?
    var RepoName: String?
    var Status: String?
    var Result: String?
    var StartTime: ACRTime?
    var EndTime: ACRTime?

    struct ChainReference: Decodable, Sendable {
        var ChainId: String?
        var ChainName: String?
    }
}
