import Foundation

/// The request funnel of the distribution provider: builds URLs under `/v2/`, answers auth
/// challenges, and turns failures into `RegistryError`s. Every registry request goes through `send`.
struct DistributionAPI: Sendable {
    let baseURL: URL
    let http: any HTTPClient
    let authenticator: Authenticator
    let security: TransportSecurity

    /// One request to make.
    struct Call {
        var method: HTTPMethod = .get
        /// A path under the base URL (`/v2/…`, already percent-encoded) or an absolute URL (a `Link`).
        var target: Target
        var scopes: [AuthScope]
        var accept: String?
        var body: Data?
        var contentType: String?
        var limit = HTTPRequest.jsonLimit
        /// Statuses handed back to the caller instead of thrown.
        var allowed: Set<Int> = []
        /// What the call does, for error messages ("listing tags of ns/app").
        var operation: String
        var subject: RegistryErrorMapper.Subject = .none
    }

    /// Where a call goes.
    enum Target {
        case path(String, query: [URLQueryItem] = [])
        case url(URL)
    }

    /// Sends a call; returns 2xx answers and the `allowed` statuses, throws everything else.
    func send(_ call: Call) async throws -> HTTPResponse {
        var request = HTTPRequest(method: call.method, url: try url(for: call.target), body: call.body, maxResponseBytes: call.limit, security: security)
        if let accept = call.accept { request.headers.set("Accept", accept) }
        if let contentType = call.contentType { request.headers.set("Content-Type", contentType) }
        if let authorization = try await authenticator.authorization(for: call.scopes) {
            request.headers.set("Authorization", authorization)
        }
        var retry = 0
        while true {
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch let error as HTTPTransportError {
                throw RegistryErrorMapper.map(error, operation: call.operation)
            }
            if response.status == 401 {
                let challenges = response.headers.values("WWW-Authenticate").flatMap(AuthChallenge.parse)
                guard !challenges.isEmpty else {
                    throw RegistryErrorMapper.map(response, operation: call.operation, subject: call.subject)
                }
                let authorization = try await authenticator.authorization(
                    answering: challenges, for: call.scopes, retry: retry, sent: request.headers["Authorization"])
                request.headers.set("Authorization", authorization)
                retry += 1
                continue
            }
            if response.isSuccess || call.allowed.contains(response.status) { return response }
            throw RegistryErrorMapper.map(response, operation: call.operation, subject: call.subject)
        }
    }

    /// Decodes a JSON answer, turning decoding failures into `.invalidResponse`.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            let host = Instance.hostAndPort(baseURL)
            throw RegistryError(
                .invalidResponse, "\(host) sent malformed JSON while \(operation): \(DecodingErrorSummary.describe(error))",
                hint: "the server may be failing, or a proxy altered the answer")
        }
    }

    /// The URL of a target. A path must come from `DistributionPath` (checked, percent-encoded
    /// names); anything else is refused instead of being sent or trapping in `URLComponents`.
    private func url(for target: Target) throws -> URL {
        switch target {
        case .url(let url):
            return url
        case .path(let path, let query):
            let refused = RegistryError(.invalidReference, "'\(path)' is not a request path regconsole can send")
            guard DistributionPath.isEncoded(path), var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
            else { throw refused }
            components.percentEncodedPath = path
            components.queryItems = query.isEmpty ? nil : query
            guard let url = components.url else { throw refused }
            return url
        }
    }
}
