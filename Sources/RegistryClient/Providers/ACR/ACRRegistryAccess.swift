import Foundation

/// The instance's registry endpoint as a `distribution` provider, logged in with temporary
/// credentials from GetAuthorizationToken; renewed when they expire or are refused.
actor ACRRegistryAccess {
    private let client: ACRClient
    private let instanceID: String
    private let instance: Instance
    private let http: any HTTPClient
    private let content: ContentStore
    private var current: (provider: DistributionProvider, expires: Date?)?
    /// The login in progress: concurrent callers wait for it instead of logging in again.
    private var login: Task<(provider: DistributionProvider, expires: Date?), any Error>?

    init(client: ACRClient, instanceID: String, instance: Instance, http: any HTTPClient, content: ContentStore) {
        self.client = client
        self.instanceID = instanceID
        self.instance = instance
        self.http = http
        self.content = content
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
        if !renew, let current, current.expires.map { $0.timeIntervalSinceNow > 60 } ?? true {
            return current.provider
        }
        if let login { return try await login.value.provider }
        let task = Task { [client, instanceID, instance, http, content] in
            try await Self.logIn(
                client: client, instanceID: instanceID, instance: instance, http: http, content: content)
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
        let scheme = RegistrySession.isLoopback(domain) ? "http" : "https"
        guard Self.isHostName(domain), let url = URL(string: "\(scheme)://\(domain)") else {
            throw RegistryError(.invalidResponse, "ACR gave the registry domain '\(domain)', which is not a host name")
        }
        return (domain, url)
    }

    /// Finds the registry domain and logs in with GetAuthorizationToken.
    private static func logIn(
        client: ACRClient, instanceID: String, instance: Instance, http: any HTTPClient, content: ContentStore
    ) async throws -> (provider: DistributionProvider, expires: Date?) {
        let (_, url) = try await registryDomain(client: client, instanceID: instanceID)
        let token: ACRAuthorizationToken = try await client.call(.getAuthorizationToken, ["InstanceId": instanceID])
        let scheme = url.scheme ?? "https"
        var registryInstance = instance
        registryInstance.url = url
        registryInstance.insecure = instance.insecure || scheme == "http"
        let provider = DistributionProvider(
            instance: registryInstance, baseURL: url, http: http,
            credentials: .password(username: token.TempUsername, password: token.AuthorizationToken),
            chain: CredentialChain(environment: [:]),
            content: content)
        return (provider, token.ExpireTime?.date)
    }

    /// Whether `text` is `HOST[:PORT]` (letters, digits, `.`, `-`): a domain with a path, user or
    /// query would send requests and tokens somewhere else.
    static func isHostName(_ text: String) -> Bool {
        text.wholeMatch(of: #/[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?/#) != nil
    }
}
