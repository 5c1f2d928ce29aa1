/// A delivery chain (ListChain, GetChain; only Get carries `ChainConfig`).
struct ACRChainRecord: Decodable, Sendable {
    var ChainId: String
    var Name: String?
    var Description: String?
    var ScopeType: String?
    var ScopeId: String?
    var ScopeExclude: [String]?
    var CreateTime: ACRTime?
    var ModifiedTime: ACRTime?
    var ChainConfig: ACRChainConfigRecord?
}
