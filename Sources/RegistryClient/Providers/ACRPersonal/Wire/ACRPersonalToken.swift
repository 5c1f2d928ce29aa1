/// Temporary registry credentials (GetAuthorizationToken, `GET /tokens`).
struct ACRPersonalToken: Decodable, Sendable {
    var authorizationToken: String
    var tempUserName: String
    var expireDate: ACRTime?
}
