import Foundation

/// The ACR Enterprise OpenAPI (`cr` 2018-12-01) of one region: signed RPC calls with every
/// parameter in the query, decoded leniently, throttling and transient failures retried with a
/// fresh signature, and errors that say which permission, key or clock to fix.
public struct ACRClient: Sendable {
    /// The region this client talks to.
    public var region: String { transport.region }
    /// `https://cr.<region>.aliyuncs.com`, or the configured endpoint.
    public var endpoint: URL { transport.endpoint }
    /// Where the AccessKey came from (never the key itself).
    public var credentialSource: String { transport.credentialSource }
    private let transport: ACRTransport
    private let signer: ACRSigner

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: overrides the regional host (VPC endpoints, proxies, the emulator).
    ///   - retry: how often throttled calls, and reads that hit a 5xx, are retried.
    /// - Throws: `RegistryError(.unknownRegion)` for a region ACR does not serve (without an endpoint).
    public init(
        region: String, endpoint: URL? = nil, credential: AlibabaCredential, http: any HTTPClient,
        retry: RetryPolicy = RetryPolicy(maxRetries: 4)
    ) throws {
        self.transport = try ACRTransport(
            region: region, endpoint: endpoint, credentialSource: credential.source,
            api: "ACR Enterprise's OpenAPI (cr.<region>.aliyuncs.com)", http: http, retry: retry)
        self.signer = ACRSigner(credential: credential)
    }

    /// Calls `action` and decodes its answer; `itemsKey` names the array of a list page.
    public func call<Response: Decodable>(
        _ action: ACRAction, _ parameters: ACRParameters = [:], as type: Response.Type = Response.self
    ) async throws -> Response {
        try await call(action, parameters, itemsKey: nil)
    }

    /// Calls an action whose answer carries nothing but success.
    public func perform(_ action: ACRAction, _ parameters: ACRParameters = [:]) async throws {
        _ = try await call(action, parameters, itemsKey: nil) as ACREnvelope
    }

    /// Every item of a list action, one page (`PageSize` 100, the maximum) at a time, in order. The
    /// first page's `TotalCount` says how many follow; those are fetched `concurrency` at a time. At
    /// most `maxPages` pages.
    func pages<Item: Decodable & Sendable>(
        _ action: ACRAction, _ parameters: ACRParameters, itemsKey: String, pageSize: Int = 100, concurrency: Int = 4,
        maxPages: Int = 1_000
    ) -> AsyncThrowingStream<[Item], any Error> {
        return NumberedPages.stream(
            pageSize: pageSize, concurrency: concurrency, maxPages: maxPages,
            tooMany: { transport.tooManyPages(action.rawValue, maxPages: maxPages, pageSize: pageSize) }
        ) { number in
            var query = parameters
            query.set("PageNo", number)
            query.set("PageSize", pageSize)
            let page: ACRPage<Item> = try await call(action, query, itemsKey: itemsKey)
            return NumberedPages.Page(items: page.items, total: page.totalCount)
        }
    }

    func call<Response: Decodable>(
        _ action: ACRAction, _ parameters: ACRParameters, itemsKey: String?
    ) async throws -> Response {
        let call = ACRErrorMapper.Call(
            name: action.rawValue, permission: action.permission, isReadOnly: action.isReadOnly)
        let response = try await transport.exchange(call) { try request(action, parameters) }
        let decoder = JSONDecoder()
        if let itemsKey { decoder.userInfo[.acrItemsKey] = itemsKey }
        do {
            return try decoder.decode(Response.self, from: response.body)
        } catch {
            throw transport.unreadable(call, error)
        }
    }

    /// The signed request for one call, with a new date and nonce.
    private func request(_ action: ACRAction, _ parameters: ACRParameters) throws -> HTTPRequest {
        let headers = signer.sign(
            method: action.method, query: parameters.pairs,
            headers: [
                "host": transport.host, "x-acs-action": action.rawValue, "x-acs-version": ACRAction.version,
                "x-acs-date": RFC3339.format(Date()), "x-acs-signature-nonce": ACRTransport.nonce(),
            ])
        let address = "\(endpoint.absoluteString.trimmingSuffix("/"))/?\(ACRSigner.canonicalQuery(parameters.pairs))"
        guard let url = URL(string: address) else {
            throw RegistryError(
                .invalidReference, "the parameters of \(action.rawValue) do not make a URL",
                hint: "check the names used")
        }
        var request = HTTPRequest(
            method: action.method, url: url,
            headers: headers, security: endpoint.scheme == "http" ? .insecure : .verified)
        request.headers.set("Accept", "application/json")
        return request
    }
}
extension String {
    /// The text without `suffix` at its end, when it ends so (an endpoint's trailing `/`).
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
