import Foundation

/// Harbor's REST API v2.0 (`/api/v2.0`) of one instance: Basic auth with the instance's user or
/// robot account, JSON in and out (text for logs), lists read 100 items a page, and errors mapped
/// by `HarborErrorMapper`. No cookie is ever sent back, so Harbor's CSRF check stays off.
public struct HarborClient: Sendable {
    /// The instance's `HOST[:PORT]`, for messages.
    public let host: String
    let baseURL: URL
    private let http: any HTTPClient
    private let authenticator: Authenticator
    private let security: TransportSecurity
    private let limits: RegistryLimits

    /// What a write answered: its status, the id at the end of its `Location` (Harbor names what
    /// a `POST` created there), and its body.
    public struct WriteResult: Sendable {
        public var status: Int
        public var createdID: String?
        public var body: Data
    }

    init(
        baseURL: URL, http: any HTTPClient, authenticator: Authenticator, security: TransportSecurity,
        limits: RegistryLimits
    ) {
        self.baseURL = baseURL
        self.host = Instance.hostAndPort(baseURL)
        self.http = http
        self.authenticator = authenticator
        self.security = security
        self.limits = limits
    }

    /// Reads and decodes one JSON answer.
    func get<Response: Decodable>(
        _ path: HarborPath, query: [(String, String)] = [], headers: HTTPHeaders = [:],
        as type: Response.Type = Response.self, operation: String
    ) async throws -> Response {
        let response = try await exchange(.get, path, query: query, headers: headers, body: nil, operation: operation)
        return try decode(Response.self, from: response, operation: operation)
    }

    /// Reads an answer's body as it is.
    func raw(_ path: HarborPath, headers: HTTPHeaders = [:], operation: String) async throws -> Data {
        try await exchange(.get, path, query: [], headers: headers, body: nil, operation: operation).body
    }

    /// Reads a `text/plain` answer (job and task logs), control characters left to the caller.
    func text(
        _ path: HarborPath, query: [(String, String)] = [], headers: HTTPHeaders = [:], operation: String
    ) async throws -> String {
        var headers = headers
        headers.set("Accept", "*/*")
        let response = try await exchange(.get, path, query: query, headers: headers, body: nil, operation: operation)
        return String(decoding: response.body, as: UTF8.self)
    }

    /// Every item of a list, 100 a page, in order; pages after the first come 4 at a time when
    /// `X-Total-Count` says how many there are. At most `maxPages` pages.
    func pages<Item: Decodable & Sendable>(
        _ path: HarborPath, query: [(String, String)] = [], headers: HTTPHeaders = [:], operation: String,
        maxPages: Int = 1_000
    ) -> AsyncThrowingStream<[Item], any Error> {
        let size = HarborPage.maxSize
        return NumberedPages.stream(
            pageSize: size, concurrency: 4, maxPages: maxPages,
            tooMany: { [host] in
                RegistryError(
                    .invalidResponse,
                    "Harbor at \(host) kept sending full pages while \(operation) (more than \(maxPages * size) items)",
                    hint: "narrow the listing, or check the server: it may repeat pages")
            }
        ) { number in
            let response = try await exchange(
                .get, path, query: query + [("page", String(number)), ("page_size", String(size))], headers: headers,
                body: nil, operation: operation)
            let items = try decode([Item]?.self, from: response, operation: operation) ?? []
            return HarborPage.page(items, headers: response.headers)
        }
    }

    /// Sends a write with an optional JSON body.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: HarborPath, query: [(String, String)] = [],
        json: (any Encodable & Sendable)? = nil,
        operation: String
    ) async throws -> WriteResult {
        let body = try json.map { try JSONEncoder().encode($0) }
        let response = try await exchange(
            method, path, query: query, headers: body == nil ? [:] : ["Content-Type": "application/json"], body: body,
            operation: operation)
        let location = response.headers["Location"].flatMap { $0.split(separator: "/").last.map(String.init) }
        return WriteResult(status: response.status, createdID: location, body: response.body)
    }

    /// Decodes a JSON answer; a mismatch names the field that did not fit.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body.isEmpty ? Data("null".utf8) : response.body)
        } catch {
            throw RegistryError(
                .invalidResponse,
                "Harbor at \(host) sent an answer regconsole cannot read while \(operation): \(DecodingErrorSummary.describe(error))",
                hint:
                    "this Harbor version may differ from API v2.0 as regconsole knows it; its version is in /api/v2.0/systeminfo"
            )
        }
    }

    /// Sends one request with the instance's credentials; returns 2xx answers, throws the rest.
    private func exchange(
        _ method: HTTPMethod, _ path: HarborPath, query: [(String, String)], headers: HTTPHeaders, body: Data?,
        operation: String
    ) async throws -> HTTPResponse {
        let target = path.query(query)
        guard let url = URL(string: Self.origin(of: baseURL) + target) else {
            throw RegistryError(.invalidReference, "'\(target)' is not a request path regconsole can send")
        }
        var request = HTTPRequest(method: method, url: url, headers: headers, body: body, security: security)
        request.timeout = limits.requestTimeout
        if request.headers["Accept"] == nil { request.headers.set("Accept", "application/json") }
        let credentials = try await authenticator.passwordAuthorization()
        if let credentials { request.headers.set("Authorization", credentials.header) }
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch let error as HTTPTransportError {
            throw RegistryErrorMapper.map(error, operation: operation)
        }
        guard response.isSuccess else {
            throw HarborErrorMapper.map(
                status: response.status, body: response.body,
                context: HarborErrorMapper.Context(host: host, operation: operation, principal: credentials?.username))
        }
        return response
    }

    /// `scheme://host[:port]` of `url`, without a trailing slash or path.
    private static func origin(of url: URL) -> String {
        var components = URLComponents()
        components.scheme = url.scheme
        components.host = url.host
        components.port = url.port
        return components.string ?? url.absoluteString
    }
}
