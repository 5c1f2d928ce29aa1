import Foundation

/// The provider for OCI distribution / Docker registry v2 servers: CNCF distribution, Zot,
/// Harbor's and ACR's registry endpoints, GHCR and the like.
public struct DistributionProvider: RegistryProvider {
    public let instance: Instance

    let api: DistributionAPI
    let content: ContentStore
    /// Whether the registry has the referrers API, once an answer said so.
    let referrersAPI = ReferrersSupport()

    /// Creates a provider for an instance whose `url` is the registry's base URL; `limits` caps its
    /// listings and sets its request deadlines.
    public init(
        instance: Instance, baseURL: URL, http: any HTTPClient, credentials: CredentialSource, chain: CredentialChain,
        content: ContentStore, limits: RegistryLimits = RegistryLimits()
    ) {
        let authenticator = Authenticator(
            registry: baseURL, instanceName: instance.name, configured: credentials, chain: chain, http: http,
            security: instance.insecure ? .insecure : .verified)
        self.init(
            instance: instance, baseURL: baseURL, http: http, authenticator: authenticator, content: content,
            limits: limits)
    }

    /// Creates a provider that answers challenges with `authenticator`, which another client of
    /// the same host (Harbor's API) shares, so credentials are looked up once.
    init(
        instance: Instance, baseURL: URL, http: any HTTPClient, authenticator: Authenticator, content: ContentStore,
        limits: RegistryLimits
    ) {
        self.instance = instance
        let security: TransportSecurity = instance.insecure ? .insecure : .verified
        self.api = DistributionAPI(
            baseURL: baseURL, http: http, authenticator: authenticator, security: security, limits: limits)
        self.content = content
    }

    public func probe() async throws {
        _ = try await api.send(.init(target: .path("/v2/"), scopes: [], operation: "checking the API (GET /v2/)"))
    }

    /// Whether `GET /v2/` answers like a registry (200, or 401 with a challenge), without
    /// authenticating: used to choose between HTTP and HTTPS.
    func speaksRegistryAPI() async -> Bool {
        let request = HTTPRequest(
            url: api.baseURL.appendingPathComponent("v2/"), maxResponseBytes: 64 << 10, security: api.security)
        guard let response = try? await api.http.send(request) else { return false }
        let isRegistry =
            response.headers["Docker-Distribution-Api-Version"] != nil || response.headers["WWW-Authenticate"] != nil
        return response.status == 200 || (response.status == 401 && isRegistry)
    }

    /// Follows `Link: <…>; rel="next"` from `first`, yielding each page's decoded items.
    /// Stops at a link to a page already read (the first one included), so a hostile server can
    /// neither loop forever nor repeat items, and fails once the listing passes
    /// `RegistryLimits.maxPages` pages or `maxItems` items, so one without end cannot grow forever.
    func pages<Page: Decodable & Sendable, Item: Sendable>(
        first: DistributionAPI.Call, decode: Page.Type, items: @escaping @Sendable (Page) -> [Item]
    ) -> AsyncThrowingStream<[Item], any Error> {
        .producing { [api] continuation in
            var call = first
            var seen: Set<String> = []
            var pageCount = 0
            var itemCount = 0
            while true {
                let response: HTTPResponse
                do {
                    response = try await api.send(call)
                } catch let error as RegistryError where error.serverCode == "PAGINATION_NUMBER_INVALID" && seen.isEmpty
                {
                    // The page size is above the server's limit: let the server choose it.
                    guard case .path(let path, let query) = call.target, query.contains(where: { $0.name == "n" })
                    else { throw error }
                    call.target = .path(path, query: query.filter { $0.name != "n" })
                    continue
                }
                seen.insert(response.url.absoluteString)
                let page = items(try api.decode(Page.self, from: response, operation: call.operation))
                let limits = api.limits
                pageCount += 1
                itemCount += page.count
                guard itemCount <= limits.maxItems else {
                    throw api.listingTooLong(
                        "more than \(limits.maxItems) items", key: "max_items", operation: first.operation)
                }
                continuation.yield(page)
                guard let next = LinkHeader.next(in: response.headers, relativeTo: response.url),
                    seen.insert(next.absoluteString).inserted
                else { break }
                guard pageCount < limits.maxPages else {
                    throw api.listingTooLong(
                        "more than \(limits.maxPages) pages", key: "max_pages", operation: first.operation)
                }
                call.target = .url(next)
            }
        }
    }
}
