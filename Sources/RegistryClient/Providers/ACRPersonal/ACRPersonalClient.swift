import Foundation

/// ACR Personal Edition's API (`cr` 2016-06-07) of one region: REST calls signed with the legacy ROA
/// scheme, answers unwrapped from their `data` envelope, lists read page by page, throttling and
/// transient failures retried, and errors mapped as for Enterprise.
public struct ACRPersonalClient: Sendable {
    /// The region this client talks to.
    public var region: String { transport.region }
    /// `https://cr.<region>.aliyuncs.com`, or the configured endpoint.
    public var endpoint: URL { transport.endpoint }
    /// Where the AccessKey came from (never the key itself).
    public var credentialSource: String { transport.credentialSource }
    private let transport: ACRTransport
    private let signer: ACRROASigner

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: overrides the regional host (proxies, the emulator).
    ///   - retry: how often throttled calls, and reads that hit a 5xx, are retried.
    /// - Throws: `RegistryError(.unknownRegion)` for a region ACR does not serve (without an endpoint).
    public init(
        region: String, endpoint: URL? = nil, credential: AlibabaCredential, http: any HTTPClient,
        retry: RetryPolicy = RetryPolicy(maxRetries: 4)
    ) throws {
        self.transport = try ACRTransport(
            region: region, endpoint: endpoint, credentialSource: credential.source,
            api: "ACR Personal Edition's API (cr.<region>.aliyuncs.com, version 2016-06-07)", http: http,
            retry: retry)
        self.signer = ACRROASigner(credential: credential)
    }

    /// Sends `request` and decodes the answer's `data`.
    public func call<Response: Decodable>(
        _ request: ACRPersonalRequest, as type: Response.Type = Response.self
    ) async throws -> Response {
        try await call(request, itemsKey: nil)
    }

    /// Sends a request whose answer carries nothing but success.
    public func perform(_ request: ACRPersonalRequest) async throws {
        _ = try await exchange(request)
    }

    /// Every item of a list, one page (`PageSize` 100) at a time, in order. The first page's `total`
    /// says how many follow; those are fetched `concurrency` at a time. Without a total, pages follow
    /// one another until a short one. At most `maxPages` pages either way.
    func pages<Item: Decodable & Sendable>(
        _ request: ACRPersonalRequest, itemsKey: String, pageSize: Int = 100, concurrency: Int = 4,
        maxPages: Int = 1_000
    ) -> AsyncThrowingStream<[Item], any Error> {
        return NumberedPages.stream(
            pageSize: pageSize, concurrency: concurrency, maxPages: maxPages,
            tooMany: { transport.tooManyPages(request.action, maxPages: maxPages, pageSize: pageSize) }
        ) { number in
            var paged = request
            paged.query += [("Page", String(number)), ("PageSize", String(pageSize))]
            let page: ACRPersonalPage<Item> = try await call(paged, itemsKey: itemsKey)
            return NumberedPages.Page(items: page.items, total: page.total)
        }
    }

    /// Sends `request` and decodes the answer's `data`, a list page's items read under `itemsKey`.
    func call<Response: Decodable>(_ request: ACRPersonalRequest, itemsKey: String?) async throws -> Response {
        let response = try await exchange(request)
        let decoder = JSONDecoder()
        if let itemsKey { decoder.userInfo[.acrItemsKey] = itemsKey }
        do {
            return try decoder.decode(ACRPersonalData<Response>.self, from: response.body).data
        } catch {
            throw transport.unreadable(Self.errorCall(request), error)
        }
    }

    private func exchange(_ request: ACRPersonalRequest) async throws -> HTTPResponse {
        try await transport.exchange(Self.errorCall(request)) {
            try request.signed(endpoint: endpoint, signer: signer, date: Date(), nonce: ACRTransport.nonce())
        }
    }

    /// Personal Edition's RAM actions are not documented: errors name the API action instead.
    private static func errorCall(_ request: ACRPersonalRequest) -> ACRErrorMapper.Call {
        ACRErrorMapper.Call(name: request.action, permission: nil, isReadOnly: request.method == .get)
    }
}
