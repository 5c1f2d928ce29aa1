import Foundation

/// The scheme, host and port of a URL (RFC 6454): the unit credentials are scoped to.
public struct URLOrigin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`, lowercased.
    public var scheme: String
    /// The host, lowercased.
    public var host: String
    /// The port, with the scheme's default filled in.
    public var port: Int

    /// The origin of an absolute `http` or `https` URL; nil for anything else.
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        switch scheme {
        case "http": port = url.port ?? 80
        case "https": port = url.port ?? 443
        default: return nil
        }
        self.scheme = scheme
        self.host = host
    }

    /// Whether a request to `other` would leave HTTPS for plain HTTP.
    public func isDowngrade(to other: URLOrigin) -> Bool {
        scheme == "https" && other.scheme != "https"
    }

    public var description: String { "\(scheme)://\(host):\(port)" }
}
