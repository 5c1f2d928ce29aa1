import Foundation

/// `~/.docker/config.json` (or `$DOCKER_CONFIG/config.json`) and podman's
/// `$XDG_RUNTIME_DIR/containers/auth.json`, which share the `auths` format.
struct DockerConfigFile: Sendable, Decodable {
    struct AuthEntry: Sendable, Decodable {
        var auth: String?
        var username: String?
        var password: String?
        var identitytoken: String?
        var registrytoken: String?
    }

    var auths: [String: AuthEntry]?
    var credsStore: String?
    var credHelpers: [String: String]?

    /// Loads and decodes the file; nil when it does not exist.
    /// - Throws: `ConfigError` when it exists but is not valid JSON of this shape.
    static func load(_ url: URL) throws -> DockerConfigFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(DockerConfigFile.self, from: data)
        } catch {
            throw ConfigError(
                file: url.path, line: nil, message: "not a valid docker config: \(DecodingErrorSummary.describe(error))"
            )
        }
    }

    /// The `auths` entry for a host: keys may carry a scheme and a path (`https://host/v1/`).
    func authEntry(for host: String) -> AuthEntry? {
        guard let auths else { return nil }
        if let exact = auths[host] { return exact }
        return auths.first { Self.normalize($0.key) == host }?.value
    }

    /// Every registry host named in the file.
    var hosts: [String] {
        Array(Set((auths ?? [:]).keys.map(Self.normalize) + (credHelpers ?? [:]).keys.map(Self.normalize))).sorted()
    }

    /// `https://index.docker.io/v1/` → `index.docker.io`; `host:5000` stays.
    static func normalize(_ key: String) -> String {
        var text = Substring(key)
        if let range = text.range(of: "://") { text = text[range.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        return String(text)
    }

    /// The credential in an `auths` entry, if it holds one.
    static func credential(from entry: AuthEntry, source: String) -> Credential? {
        if let token = entry.registrytoken, !token.isEmpty {
            return Credential(username: entry.username ?? "", secret: .registryToken(token), source: source)
        }
        var username = entry.username ?? ""
        var password = entry.password ?? ""
        if let auth = entry.auth, let decoded = Data(base64Encoded: auth).map({ String(decoding: $0, as: UTF8.self) }),
            let colon = decoded.firstIndex(of: ":")
        {
            username = String(decoded[..<colon])
            password = String(decoded[decoded.index(after: colon)...])
        }
        if let token = entry.identitytoken, !token.isEmpty {
            return Credential(username: username, secret: .identityToken(token), source: source)
        }
        guard !username.isEmpty || !password.isEmpty else { return nil }
        return Credential(username: username, secret: .password(password), source: source)
    }
}
