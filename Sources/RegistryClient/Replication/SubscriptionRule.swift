import Foundation

/// An artifact subscription: tags of an upstream repository (Docker Hub, GCR, Quay) that ACR
/// pulls into one of its repositories, newest `tagCount` of those matching `tagPattern`.
public struct SubscriptionRule: Sendable, Hashable, Identifiable {
    /// The upstreams ACR pulls from, as the API names them.
    public static let upstreams = ["DOCKER_HUB", "GCR", "QUAY"]

    /// The server's id (`crasr-…`); empty for a rule not yet created.
    public var id: String
    /// `DOCKER_HUB`, `GCR` or `QUAY`.
    public var upstream: String
    /// The upstream's host (`docker.io`), when the server says.
    public var upstreamDomain: String?
    /// The upstream namespace (`library`); may be empty.
    public var upstreamNamespace: String
    public var upstreamRepository: String
    /// Where the tags land in this instance.
    public var namespace: String
    public var repository: String
    /// A regular expression a tag must match in full.
    public var tagPattern: String
    /// How many of the newest matching tags are pulled (1–100).
    public var tagCount: Int
    /// `os/arch[/variant]` of the images pulled.
    public var platforms: [String]
    /// Whether a pulled tag overwrites one of the same name.
    public var overwrite: Bool
    public var created: Date?

    /// Creates a rule.
    public init(
        id: String = "", upstream: String, upstreamDomain: String? = nil, upstreamNamespace: String = "",
        upstreamRepository: String, namespace: String, repository: String, tagPattern: String, tagCount: Int,
        platforms: [String] = ["linux/amd64"], overwrite: Bool = false, created: Date? = nil
    ) {
        self.id = id
        self.upstream = upstream
        self.upstreamDomain = upstreamDomain
        self.upstreamNamespace = upstreamNamespace
        self.upstreamRepository = upstreamRepository
        self.namespace = namespace
        self.repository = repository
        self.tagPattern = tagPattern
        self.tagCount = tagCount
        self.platforms = platforms
        self.overwrite = overwrite
        self.created = created
    }

    /// `docker.io/library/nginx`, or the provider's name when its domain is unknown.
    public var upstreamPath: String {
        ([upstreamDomain ?? upstream, upstreamNamespace.isEmpty ? nil : upstreamNamespace, upstreamRepository]
            .compactMap { $0 }).joined(separator: "/")
    }

    /// Checks what the server would refuse, with what to fix.
    public func validate() throws {
        func invalid(_ message: String, _ hint: String) -> RegistryError {
            RegistryError(.invalidReference, message, hint: hint)
        }
        guard Self.upstreams.contains(upstream) else {
            throw invalid(
                "'\(upstream)' is not an upstream ACR subscribes to", "use \(Self.upstreams.joined(separator: ", "))")
        }
        if upstreamRepository.isEmpty || namespace.isEmpty || repository.isEmpty {
            throw invalid(
                "a subscription names the upstream repository and the target namespace and repository",
                "e.g. library/nginx → mirror/nginx")
        }
        if tagPattern.isEmpty || (try? Regex(tagPattern)) == nil {
            throw invalid("the tag pattern '\(tagPattern)' is not a regular expression", "for every tag use .*")
        }
        guard (1...100).contains(tagCount) else {
            throw invalid("tag count \(tagCount) is out of range", "use 1 to 100")
        }
        if platforms.isEmpty { throw invalid("a subscription names at least one platform", "e.g. linux/amd64") }
        if let platform = platforms.first(where: { $0.split(separator: "/").count < 2 }) {
            throw invalid("'\(platform)' is not os/arch", "e.g. linux/arm64")
        }
    }
}
