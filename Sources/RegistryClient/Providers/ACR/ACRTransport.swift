import Foundation
import Logging

/// What both ACR APIs (Enterprise's RPC OpenAPI and Personal Edition's REST API) share on the wire:
/// one region's endpoint, a credential, throttling and transient failures retried with a freshly
/// signed request, and error answers turned into errors that say what to fix.
struct ACRTransport: Sendable {
    /// The region calls go to.
    let region: String
    /// `https://cr.<region>.aliyuncs.com`, or the configured endpoint.
    let endpoint: URL
    /// Where the AccessKey came from (never the key itself).
    let credentialSource: String
    /// The API the endpoint should serve, named in errors that say it does not.
    let api: String
    private let http: any HTTPClient
    private let usesDefaultHost: Bool
    private let retry: RetryPolicy
    private let logger = Logger(label: "regconsole.acr")

    /// - Throws: `RegistryError(.unknownRegion)` for a region ACR does not serve (without an endpoint).
    init(
        region: String, endpoint: URL?, credentialSource: String, api: String, http: any HTTPClient, retry: RetryPolicy
    ) throws {
        let regional = ACRRegion.known.contains(region) ? URL(string: "https://\(ACRRegion.openAPIHost(region))") : nil
        guard let chosen = endpoint ?? regional else { throw ACRRegion.unknown(region) }
        self.region = region
        self.endpoint = chosen
        self.usesDefaultHost = endpoint == nil
        self.credentialSource = credentialSource
        self.api = api
        self.http = http
        self.retry = retry
    }

    /// `HOST[:PORT]` of the endpoint, as requests carry it.
    var host: String { Instance.hostAndPort(endpoint) }

    /// Sends the request `makeRequest` builds (again, with a new date and nonce, for each retry)
    /// and returns the successful response.
    /// - Throws: `RegistryError` naming the permission, key, clock or region at fault.
    func exchange(
        _ call: ACRErrorMapper.Call, _ makeRequest: () throws -> HTTPRequest
    ) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            var request = try makeRequest()
            request.allowsTransportRetry = false  // a retry must carry a new nonce and date: done here
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch let error as HTTPTransportError {
                if error.kind == .unknownHost, usesDefaultHost { throw ACRRegion.unknown(region) }
                throw RegistryErrorMapper.map(error, operation: "calling ACR \(call.name)")
            }
            let envelope = try? JSONDecoder().decode(ACREnvelope.self, from: response.body)
            if response.isSuccess, envelope?.isSuccess != false { return response }
            if !response.isSuccess, let wait = retryDelay(response, envelope: envelope, call: call, attempt: attempt) {
                logger.info(
                    "ACR \(call.name) answered \(response.status) \(envelope?.code?.text ?? ""); retrying in \(wait)")
                try await Task.sleep(for: wait)
                attempt += 1
                continue
            }
            throw ACRErrorMapper.map(status: response.status, envelope: envelope, call: call, context: context)
        }
    }

    /// An answer that could not be decoded, as an error that names the call and the endpoint.
    func unreadable(_ call: ACRErrorMapper.Call, _ error: any Error) -> RegistryError {
        RegistryError(
            .invalidResponse, "ACR's answer to \(call.name) could not be read: \(DecodingErrorSummary.describe(error))",
            hint: "the endpoint \(host) may not be \(api), or a proxy changed the answer")
    }

    /// A listing that would pass `maxPages` pages of `pageSize`, as an error.
    func tooManyPages(_ action: String, maxPages: Int, pageSize: Int) -> RegistryError {
        RegistryError(
            .invalidResponse, "ACR \(action) lists more than \(maxPages) pages of \(pageSize)",
            hint: "the endpoint \(host) may not be \(api), or it repeats pages")
    }

    private var context: ACRErrorMapper.Context {
        ACRErrorMapper.Context(region: region, host: host, credentialSource: credentialSource, api: api)
    }

    /// Throttling (any action: the server did nothing) and 5xx or a reused nonce (reads only) are retried.
    private func retryDelay(
        _ response: HTTPResponse, envelope: ACREnvelope?, call: ACRErrorMapper.Call, attempt: Int
    ) -> Duration? {
        let code = envelope?.code?.text ?? ""
        let throttled = code.hasPrefix("Throttling") || response.status == 429
        let transient = response.status >= 500 || code == "SignatureNonceUsed"
        guard throttled || (transient && call.isReadOnly) else { return nil }
        return retry.delay(honouring: response.headers, attempt: attempt)
    }

    /// 32 random hex digits, unique per request.
    static func nonce() -> String {
        (0..<2).map { _ in String(format: "%016llx", UInt64.random(in: .min ... .max)) }.joined()
    }
}
