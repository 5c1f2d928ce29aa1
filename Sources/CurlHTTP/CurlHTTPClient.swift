import CCurl
import Foundation
import Logging
import RegistryClient

/// `HTTPClient` over libcurl's multi interface.
///
/// One dedicated I/O thread drives every transfer, so `send` never blocks Swift's cooperative pool;
/// connections, DNS results and TLS sessions are reused across requests. Idempotent requests are
/// retried according to `retryPolicy` within the request's deadline, which bounds the whole `send`
/// (every attempt and every wait); cancelling the calling task cancels the transfer.
public final class CurlHTTPClient: HTTPClient {
    /// Limits applied to every transfer.
    public struct Options: Sendable {
        /// Time allowed for TCP connect and TLS handshake.
        public var connectTimeout: Duration = .seconds(10)
        /// The deadline of a request that sets none (`HTTPRequest.timeout`), retries included.
        public var requestTimeout = RegistryLimits().requestTimeout
        /// The slowest transfer tolerated for a request that sets none (`HTTPRequest.lowSpeedLimit`).
        public var lowSpeedLimit = LowSpeedLimit.standard
        /// Redirects followed before giving up.
        public var maxRedirects = 5
        /// Sent as `User-Agent`.
        public var userAgent = "regconsole"
        /// Parallel connections per host; requests beyond it queue inside libcurl.
        public var maxConnectionsPerHost = 32
        /// A PEM bundle of certificate authorities trusted instead of the system's; by default
        /// `$SSL_CERT_FILE`, the variable OpenSSL and Go read for the same purpose.
        public var caFile: String? = ProcessInfo.processInfo.environment["SSL_CERT_FILE"].flatMap {
            $0.isEmpty ? nil : $0
        }

        /// Default options.
        public init() {}
    }

    private let loop: CurlMultiLoop
    private let retryPolicy: RetryPolicy
    private let logger: Logger

    /// Starts opening libcurl (and the TLS, Kerberos and LDAP libraries behind it) on a background
    /// thread, so a process about to send requests overlaps those milliseconds with its own start-up.
    /// The first client waits for it; without this call, the first client opens libcurl itself.
    public static func startLoadingLibrary() { ccurl_load_in_background() }

    /// Creates a client with its own I/O thread and connection cache.
    public init(options: Options = Options(), retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger? = nil) {
        self.loop = CurlMultiLoop(options: options)
        self.retryPolicy = retryPolicy
        self.logger = logger ?? Logger(label: "regconsole.http")
    }

    /// Sends the request, retrying idempotent ones while the request's deadline leaves time.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let deadline = ContinuousClock.now + (request.timeout ?? loop.options.requestTimeout)
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let started = ContinuousClock.now
            do {
                let response = try await loop.perform(request, timeout: deadline - started)
                logger.debug(
                    "\(request.method.rawValue) \(URLCredentialMask.maskingSecretsInQuery(request.url.absoluteString)) → \(response.status) in \(ContinuousClock.now - started)"
                )
                guard request.allowsTransportRetry,
                    let wait = retryPolicy.delay(after: response, method: request.method, attempt: attempt),
                    ContinuousClock.now + wait < deadline
                else {
                    return response
                }
                logger.info("\(request.url.host ?? "") answered \(response.status); retrying in \(wait)")
                try await Task.sleep(for: wait)
            } catch let error as HTTPTransportError {
                guard request.allowsTransportRetry,
                    let wait = retryPolicy.delay(after: error, method: request.method, attempt: attempt),
                    ContinuousClock.now + wait < deadline
                else {
                    throw error
                }
                logger.info("\(error.description); retrying in \(wait)")
                try await Task.sleep(for: wait)
            }
            attempt += 1
        }
    }
}
