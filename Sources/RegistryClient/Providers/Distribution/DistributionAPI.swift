import Foundation

/// The request funnel of the distribution provider: builds URLs under `/v2/`, answers auth
/// challenges, and turns failures into `RegistryError`s. Every registry request goes through `send`.
///
/// Credentials go only to the registry's own origin (scheme, host and port of `baseURL`). A URL the
/// server hands back (a `Link` to the next page, an upload `Location`) on another origin is followed
/// without them, and a 401 there is not answered; one that would leave HTTPS for plain HTTP is
/// refused. Redirects are libcurl's: it drops `Authorization` on another host and never follows
/// HTTPS to HTTP.
struct DistributionAPI: Sendable {
    let baseURL: URL
    let http: any HTTPClient
    let authenticator: Authenticator
    let security: TransportSecurity
    var limits = RegistryLimits()

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

        /// Whether it moves a blob, which gets the longer deadline.
        var isBlobTransfer: Bool {
            if case .blob = subject { return true }
            return false
        }
    }

    /// Where a call goes.
    enum Target {
        case path(String, query: [URLQueryItem] = [])
        case url(URL)
    }

    /// Sends a call; returns 2xx answers and the `allowed` statuses, throws everything else.
    func send(_ call: Call) async throws -> HTTPResponse {
        let url = try url(for: call.target)
        let ownOrigin = try isOwnOrigin(url, operation: call.operation)
        var request = HTTPRequest(
            method: call.method, url: url, body: call.body, maxResponseBytes: call.limit, security: security)
        request.timeout = call.isBlobTransfer ? limits.blobTimeout : limits.requestTimeout
        if let accept = call.accept { request.headers.set("Accept", accept) }
        if let contentType = call.contentType { request.headers.set("Content-Type", contentType) }
        if ownOrigin, let authorization = try await authenticator.authorization(for: call.scopes) {
            request.headers.set("Authorization", authorization)
        }
        var budget = ReauthenticationBudget()
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
                guard ownOrigin else { throw challengeElsewhere(url, operation: call.operation) }
                let retry = budget.answered
                switch budget.admit(challenges) {
                case .answer:
                    break
                case .repeated:
                    throw try await authenticator.refusal(repeating: challenges, for: call.scopes)
                case .exhausted:
                    throw endlessChallenges(challenges, operation: call.operation)
                }
                let authorization = try await authenticator.authorization(
                    answering: challenges, for: call.scopes, retry: retry, sent: request.headers["Authorization"])
                request.headers.set("Authorization", authorization)
                continue
            }
            if response.isSuccess || call.allowed.contains(response.status) { return response }
            throw RegistryErrorMapper.map(response, operation: call.operation, subject: call.subject)
        }
    }

    /// Whether `url` is on the registry's own origin (and so may carry credentials).
    /// - Throws: `RegistryError(.refused)` for a URL that would leave HTTPS for plain HTTP.
    private func isOwnOrigin(_ url: URL, operation: String) throws -> Bool {
        let host = Instance.hostAndPort(baseURL)
        guard let own = URLOrigin(baseURL), let target = URLOrigin(url) else {
            throw RegistryError(.invalidResponse, "\(host) sent an unusable URL while \(operation)")
        }
        if own.isDowngrade(to: target) {
            throw RegistryError(
                .refused, "\(host) is HTTPS but sent a plain HTTP URL (\(target)) while \(operation); refused",
                hint: "the registry (or a proxy in front of it) is misconfigured: it should send https or relative URLs"
            )
        }
        return own == target
    }

    /// The error for a listing that passed one of `limits`' caps.
    func listingTooLong(_ what: String, key: String, operation: String) -> RegistryError {
        RegistryError(
            .invalidResponse, "\(Instance.hostAndPort(baseURL)) sent \(what) while \(operation); stopped there",
            hint: "if the registry really holds that many, raise \(key) under [limits] in the config "
                + "(regconsole config path)")
    }

    private func challengeElsewhere(_ url: URL, operation: String) -> RegistryError {
        let other = URLOrigin(url).map(\.description) ?? url.absoluteString
        return RegistryError(
            .unauthorized,
            "\(Instance.hostAndPort(baseURL)) sent a URL on another origin (\(other)) while \(operation), "
                + "and it asks for credentials; the registry's credentials are not sent there",
            hint: "the registry (or a proxy in front of it) should send URLs on its own host, or relative ones",
            status: 401)
    }

    private func endlessChallenges(_ challenges: [AuthChallenge], operation: String) -> RegistryError {
        RegistryError(
            .unauthorized,
            "\(Instance.hostAndPort(baseURL)) asked for new credentials more than \(ReauthenticationBudget.limit) times "
                + "while \(operation); gave up (last challenge: \(challenges.map(\.summary).joined(separator: ", ")))",
            hint: "the registry's token service does not grant what the registry asks for; check its configuration",
            status: 401)
    }

    /// Decodes a JSON answer, turning decoding failures into `.invalidResponse`.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            let host = Instance.hostAndPort(baseURL)
            throw RegistryError(
                .invalidResponse,
                "\(host) sent malformed JSON while \(operation): \(DecodingErrorSummary.describe(error))",
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
            guard DistributionPath.isEncoded(path),
                var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
            else { throw refused }
            components.percentEncodedPath = path
            components.queryItems = query.isEmpty ? nil : query
            guard let url = components.url else { throw refused }
            return url
        }
    }
}
