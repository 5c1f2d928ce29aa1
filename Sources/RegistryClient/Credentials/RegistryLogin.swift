import Foundation

/// Temporary credentials for an instance's registry domain, as a cloud API hands them out.
/// Printing one never shows the password.
public struct RegistryLogin: Sendable, CustomStringConvertible {
    /// `HOST[:PORT]` the credentials are for.
    public var host: String
    public var username: String
    public var password: String
    public var expires: Date?

    /// Creates a login.
    public init(host: String, username: String, password: String, expires: Date?) {
        self.host = host
        self.username = username
        self.password = password
        self.expires = expires
    }

    public var description: String {
        "\(username)@\(host) (password hidden\(expires.map { ", expires \(RFC3339.format($0))" } ?? ""))"
    }
}
