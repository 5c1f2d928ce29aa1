import Foundation

/// An ACR registry endpoint as a `distribution` provider, logged in with the temporary credentials
/// `logIn` fetches (GetAuthorizationToken, in either edition); renewed when they expire or are refused.
actor ACRRegistryAccess {
    /// Where the registry is and the temporary login for it.
    struct Login: Sendable {
        var url: URL
        var username: String
        var password: String
        var expires: Date?
    }

    private let instance: Instance
    private let http: any HTTPClient
    private let content: ContentStore
    private let logIn: @Sendable () async throws -> Login
    private var current: (provider: DistributionProvider, expires: Date?)?
    /// The login in progress: concurrent callers wait for it instead of logging in again.
    private var login: Task<(provider: DistributionProvider, expires: Date?), any Error>?

    init(
        instance: Instance, http: any HTTPClient, content: ContentStore,
        logIn: @escaping @Sendable () async throws -> Login
    ) {
        self.instance = instance
        self.http = http
        self.content = content
        self.logIn = logIn
    }

    /// The registry of Enterprise instance `instanceID`.
    init(client: ACRClient, instanceID: String, instance: Instance, http: any HTTPClient, content: ContentStore) {
        self.init(instance: instance, http: http, content: content) {
            let (_, url) = try await Self.registryDomain(client: client, instanceID: instanceID)
            let token: ACRAuthorizationToken = try await client.call(.getAuthorizationToken, ["InstanceId": instanceID])
            return Login(
                url: url, username: token.TempUsername, password: token.AuthorizationToken,
                expires: token.ExpireTime?.date)
        }
    }

    /// A new login, for handing to another program (`docker login`).
    func freshLogin() async throws -> Login {
        try await logIn()
    }

    /// The manifest's facts for `tag`, which ACR lists at `digest`, with ACR's `updated` time: read
    /// from the registry by digest, so a tag moved since the listing is not read by name.
    func tagDetails(
        repository: String, tag: String, listedAt digest: Digest?, updated: Date?
    ) async throws -> TagDetails {
        guard let digest else {
            throw RegistryError(.invalidResponse, "ACR lists \(repository):\(tag) without a digest")
        }
        var details = try await run { try await $0.tagDetails(repository: repository, tag: digest.description) }
        details.updated = updated
        return details
    }

    /// Runs `body` against the registry; a refused login is renewed once.
    func run<Result: Sendable>(_ body: @Sendable (DistributionProvider) async throws -> Result) async throws -> Result {
        let provider = try await registry(renew: false)
        do {
            return try await body(provider)
        } catch let error as RegistryError where error.code == .unauthorized {
            return try await body(try await registry(renew: true))
        }
    }

    private func registry(renew: Bool) async throws -> DistributionProvider {
        if !renew, let current, current.expires.map({ $0.timeIntervalSinceNow > 60 }) ?? true {
            return current.provider
        }
        if let login { return try await login.value.provider }
        let task = Task { [instance, http, content, logIn] in
            let fresh = try await logIn()
            var registryInstance = instance
            registryInstance.url = fresh.url
            registryInstance.insecure = instance.insecure || fresh.url.scheme == "http"
            let provider = DistributionProvider(
                instance: registryInstance, baseURL: fresh.url, http: http,
                credentials: .password(username: fresh.username, password: fresh.password),
                chain: CredentialChain(environment: [:]), content: content)
            return (provider: provider, expires: fresh.expires)
        }
        login = task
        defer { login = nil }
        let fresh = try await task.value
        current = fresh
        return fresh.provider
    }

    /// The registry's `HOST[:PORT]` (the system domain of the internet endpoint, else of the first
    /// enabled one) and its URL.
    static func registryDomain(client: ACRClient, instanceID: String) async throws -> (host: String, url: URL) {
        let endpoints: ACRPage<ACREndpointRecord> = try await client.call(
            .listInstanceEndpoint, ["InstanceId": instanceID, "ModuleName": "Registry"], itemsKey: "Endpoints")
        let usable = endpoints.items.filter { $0.Enable != false }
        let preferred = usable.first { $0.EndpointType?.lowercased() == "internet" } ?? usable.first
        guard let domains = preferred?.Domains,
            let domain = (domains.first { $0.Type == "SYSTEM" } ?? domains.first)?.Domain
        else {
            throw RegistryError(
                .unsupported, "ACR instance \(instanceID) has no enabled registry endpoint",
                hint: "enable the internet endpoint (or run regconsole inside the instance's VPC) in the ACR console")
        }
        return (domain, try registryURL(domain))
    }

    /// The URL of registry `host` (`HOST[:PORT]`): plain HTTP for loopback hosts only.
    /// - Throws: `RegistryError(.invalidResponse)` when `host` is not a host name.
    static func registryURL(_ host: String) throws -> URL {
        let scheme = RegistrySession.isLoopback(host) ? "http" : "https"
        guard isHostName(host), let url = URL(string: "\(scheme)://\(host)") else {
            throw RegistryError(.invalidResponse, "ACR gave the registry domain '\(host)', which is not a host name")
        }
        return url
    }

    /// Whether `text` is `HOST[:PORT]` (letters, digits, `.`, `-`): a domain with a path, user or
    /// query would send requests and tokens somewhere else.
    static func isHostName(_ text: String) -> Bool {
        text.wholeMatch(of: #/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?/#) != nil
    }
}
