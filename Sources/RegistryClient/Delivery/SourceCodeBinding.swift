/// The source repository a registry repository builds from, and how.
public struct SourceCodeBinding: Sendable, Hashable {
    /// Where the code is hosted.
    public enum Provider: String, Sendable, CaseIterable {
        case github = "GITHUB"
        case gitlab = "GITLAB"
        case gitee = "GITEE"
        case code = "CODE"
        case codeup = "CODEUP"
    }

    public var provider: Provider
    /// `https://github.com`, when the server says.
    public var domain: String?
    /// The owner or group of the code repository.
    public var namespace: String
    public var name: String
    /// Builds start on every push matching a rule.
    public var autoBuild: Bool
    public var disableCacheBuild: Bool
    /// Builds run on servers outside mainland China.
    public var overseaBuild: Bool
    /// The server's id of the binding, needed to update it.
    public var serverID: String?

    /// Creates a binding.
    public init(
        provider: Provider, domain: String? = nil, namespace: String, name: String, autoBuild: Bool = true,
        disableCacheBuild: Bool = false, overseaBuild: Bool = false, serverID: String? = nil
    ) {
        self.provider = provider
        self.domain = domain
        self.namespace = namespace
        self.name = name
        self.autoBuild = autoBuild
        self.disableCacheBuild = disableCacheBuild
        self.overseaBuild = overseaBuild
        self.serverID = serverID
    }

    /// `GITHUB owner/name`.
    public var summary: String { "\(provider.rawValue) \(namespace)/\(name)" }
}
