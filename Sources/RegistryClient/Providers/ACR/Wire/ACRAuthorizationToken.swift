/// Temporary registry credentials for an instance's domain (GetAuthorizationToken).
struct ACRAuthorizationToken: Decodable, Sendable {
    var TempUsername: String
    var AuthorizationToken: String
    var ExpireTime: ACRTime?
}
