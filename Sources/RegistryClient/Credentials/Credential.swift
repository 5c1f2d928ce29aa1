/// Credentials for one registry host. Printing it never shows the secret.
public struct Credential: Sendable, CustomStringConvertible {
    /// The secret part.
    public enum Secret: Sendable {
        /// A password for Basic auth and the token endpoint.
        case password(String)
        /// An OAuth2 refresh token (docker's `identitytoken`).
        case identityToken(String)
        /// A bearer token sent as is (docker's `registrytoken`).
        case registryToken(String)
    }

    public var username: String
    public var secret: Secret
    /// Where it came from, for messages ("docker config /home/u/.docker/config.json (auths)").
    public var source: String

    /// Creates a credential.
    public init(username: String, secret: Secret, source: String) {
        self.username = username
        self.secret = secret
        self.source = source
    }

    /// `user 'bob' from <source>`, without the secret.
    public var description: String {
        username.isEmpty ? source : "user '\(username)' from \(source)"
    }
}
