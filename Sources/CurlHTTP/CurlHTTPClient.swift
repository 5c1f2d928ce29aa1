import Foundation
import Logging
import RegistryClient

/// `HTTPClient` over libcurl's multi interface.
///
/// One dedicated I/O thread drives every transfer, so `send` never blocks Swift's cooperative pool;
/// connections, DNS results and TLS sessions are reused across requests. Idempotent requests are
/// retried according to `retryPolicy`; cancelling the calling task cancels the transfer.
public final class CurlHTTPClient: HTTPClient {
    /// Limits applied to every transfer.
    public struct Options: Sendable {
        /// Time allowed for TCP connect and TLS handshake.
        public var connectTimeout: Duration = .seconds(10)
        /// A transfer slower than 1 byte/s for this long is aborted (a stalled server).
        public var stallTimeout: Duration = .seconds(30)
        /// Redirects followed before giving up.
        public var maxRedirects = 5
        /// Sent as `User-Agent`.
        public var userAgent = "regconsole"
        /// Parallel connections per host; requests beyond it queue inside libcurl.
        public var maxConnectionsPerHost = 32

        /// Default options.
        public init() {}
    }

    private let loop: CurlMultiLoop
    private let retryPolicy: RetryPolicy
    private let logger: Logger

    /// Creates a client with its own I/O thread and connection cache.
    public init(options: Options = Options(), retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger? = nil) {
        self.loop = CurlMultiLoop(options: options)
        self.retryPolicy = retryPolicy
        self.logger = logger ?? Logger(label: "regconsole.http")
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let started = ContinuousClock.now
            do {
                let response = try await loop.perform(request)
                logger.debug(
                    "\(request.method.rawValue) \(request.url.absoluteString) → \(response.status) in \(ContinuousClock.now - started)"
                )
                guard request.allowsTransportRetry, let wait = retryPolicy.delay(after: response, method: request.method, attempt: attempt) else {
                    return response
                }
                logger.info("\(request.url.host ?? "") answered \(response.status); retrying in \(wait)")
                try await Task.sleep(for: wait)
            } catch let error as HTTPTransportError {
                guard request.allowsTransportRetry, let wait = retryPolicy.delay(after: error, method: request.method, attempt: attempt) else {
                    throw error
                }
                logger.info("\(error.description); retrying in \(wait)")
                try await Task.sleep(for: wait)
            }
            attempt += 1
        }
    }
}
