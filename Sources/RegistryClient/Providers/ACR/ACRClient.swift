import Foundation
import Logging

/// The ACR Enterprise OpenAPI (`cr` 2018-12-01) of one region: signed RPC calls with every
/// parameter in the query, decoded leniently, throttling and transient failures retried with a
/// fresh signature, and errors that say which permission, key or clock to fix.
public struct ACRClient: Sendable {
    /// The region this client talks to.
    public let region: String
    /// `https://cr.<region>.aliyuncs.com`, or the configured endpoint.
    public let endpoint: URL
    /// Where the AccessKey came from (never the key itself).
    public let credentialSource: String
    private let http: any HTTPClient
    private let signer: ACRSigner
    private let usesDefaultHost: Bool
    private let retry: RetryPolicy
    private let logger = Logger(label: "regconsole.acr")

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: overrides the regional host (VPC endpoints, proxies, the emulator).
    ///   - retry: how often throttled calls, and reads that hit a 5xx, are retried.
    /// - Throws: `RegistryError(.unknownRegion)` for a region ACR does not serve (without an endpoint).
    public init(
        region: String, endpoint: URL? = nil, credential: AlibabaCredential, http: any HTTPClient,
        retry: RetryPolicy = RetryPolicy(maxRetries: 4)
    ) throws {
        let regional = ACRRegion.known.contains(region) ? URL(string: "https://\(ACRRegion.openAPIHost(region))") : nil
        guard let chosen = endpoint ?? regional else { throw ACRRegion.unknown(region) }
        self.region = region
        self.endpoint = chosen
        self.usesDefaultHost = endpoint == nil
        self.credentialSource = credential.source
        self.http = http
        self.signer = ACRSigner(credential: credential)
        self.retry = retry
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
    /// first page's `TotalCount` says how many follow; those are fetched `concurrency` at a time.
    func pages<Item: Decodable & Sendable>(
        _ action: ACRAction, _ parameters: ACRParameters, itemsKey: String, pageSize: Int = 100, concurrency: Int = 4
    ) -> AsyncThrowingStream<[Item], any Error> {
        @Sendable func page(_ number: Int) async throws -> ACRPage<Item> {
            var query = parameters
            query.set("PageNo", number)
            query.set("PageSize", pageSize)
            return try await call(action, query, itemsKey: itemsKey)
        }
        return .producing { continuation in
            let first = try await page(1)
            if !first.items.isEmpty { continuation.yield(first.items) }
            guard first.items.count == pageSize else { return }
            guard let total = first.totalCount else {
                // No total: one page after another until a short one.
                var number = 2
                while true {
                    let next = try await page(number)
                    if !next.items.isEmpty { continuation.yield(next.items) }
                    if next.items.count < pageSize { return }
                    number += 1
                }
            }
            // Known length: the rest in parallel windows, yielded in order.
            let last = (total + pageSize - 1) / pageSize
            for start in stride(from: 2, through: last, by: concurrency) {
                let window = try await BoundedConcurrency.map(
                    Array(start...min(start + concurrency - 1, last)), limit: concurrency, page)
                for result in window where !result.items.isEmpty { continuation.yield(result.items) }
                if window.last.map({ $0.items.count < pageSize }) ?? true { return }
            }
        }
    }

    func call<Response: Decodable>(
        _ action: ACRAction, _ parameters: ACRParameters, itemsKey: String?
    ) async throws -> Response {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let response = try await send(action, parameters)
            let envelope = try? JSONDecoder().decode(ACREnvelope.self, from: response.body)
            if response.isSuccess {
                if envelope?.isSuccess == false {
                    throw ACRErrorMapper.map(
                        status: response.status, envelope: envelope, action: action, context: context)
                }
                return try decode(Response.self, response.body, action: action, itemsKey: itemsKey)
            }
            if let wait = retryDelay(response, envelope: envelope, action: action, attempt: attempt) {
                logger.info(
                    "ACR \(action.rawValue) answered \(response.status) \(envelope?.code?.text ?? ""); retrying in \(wait)"
                )
                try await Task.sleep(for: wait)
                attempt += 1
                continue
            }
            throw ACRErrorMapper.map(status: response.status, envelope: envelope, action: action, context: context)
        }
    }

    private var context: ACRErrorMapper.Context {
        ACRErrorMapper.Context(region: region, host: Instance.hostAndPort(endpoint), credentialSource: credentialSource)
    }

    /// Throttling (any action: the server did nothing) and 5xx or a reused nonce (reads only) are retried.
    private func retryDelay(
        _ response: HTTPResponse, envelope: ACREnvelope?, action: ACRAction, attempt: Int
    ) -> Duration? {
        let code = envelope?.code?.text ?? ""
        let throttled = code.hasPrefix("Throttling") || response.status == 429
        let transient = response.status >= 500 || code == "SignatureNonceUsed"
        guard throttled || (transient && action.isReadOnly) else { return nil }
        return retry.delay(honouring: response.headers, attempt: attempt)
    }

    private func send(_ action: ACRAction, _ parameters: ACRParameters) async throws -> HTTPResponse {
        let host = Instance.hostAndPort(endpoint)
        let headers = signer.sign(
            method: action.method, query: parameters.pairs,
            headers: [
                "host": host, "x-acs-action": action.rawValue, "x-acs-version": ACRAction.version,
                "x-acs-date": RFC3339.format(Date()), "x-acs-signature-nonce": Self.nonce(),
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
        request.allowsTransportRetry = false  // a retry must carry a new nonce and date: done here
        do {
            return try await http.send(request)
        } catch let error as HTTPTransportError {
            if error.kind == .unknownHost, usesDefaultHost { throw ACRRegion.unknown(region) }
            throw RegistryErrorMapper.map(error, operation: "calling ACR \(action.rawValue)")
        }
    }

    private func decode<Response: Decodable>(
        _ type: Response.Type, _ body: Data, action: ACRAction, itemsKey: String?
    ) throws -> Response {
        let decoder = JSONDecoder()
        if let itemsKey { decoder.userInfo[.acrItemsKey] = itemsKey }
        do {
            return try decoder.decode(type, from: body)
        } catch {
            throw RegistryError(
                .invalidResponse,
                "ACR's answer to \(action.rawValue) could not be read: \(DecodingErrorSummary.describe(error))",
                hint:
                    "the endpoint \(Instance.hostAndPort(endpoint)) may not be ACR's OpenAPI, or a proxy changed the answer"
            )
        }
    }

    /// 32 random hex digits, unique per request.
    static func nonce() -> String {
        (0..<2).map { _ in String(format: "%016llx", UInt64.random(in: .min ... .max)) }.joined()
    }
}

extension String {
    /// The text without `suffix` at its end, when it ends so (an endpoint's trailing `/`).
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
