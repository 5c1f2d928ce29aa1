import Foundation

/// One HTTP request, independent of the transport that sends it.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: URL
    /// Request header fields.
    public var headers: HTTPHeaders
    /// The body, sent as is.
    public var body: Data?
    /// The largest response body accepted; a larger one fails with `HTTPTransportError.Kind.bodyTooLarge`.
    public var maxResponseBytes: Int
    /// Whether TLS certificates are verified and plain `http://` is refused.
    public var security: TransportSecurity
    /// Whether the transport may resend the request as is after a transient failure; signed
    /// requests with a one-time nonce retry themselves instead.
    public var allowsTransportRetry = true
    /// The longest the request may take, from the first connect to the last byte of the last
    /// retry; nil uses the client's default.
    public var timeout: Duration?
    /// The slowest transfer tolerated; nil uses the client's default.
    public var lowSpeedLimit: LowSpeedLimit?

    /// Creates a request.
    public init(
        method: HTTPMethod = .get,
        url: URL,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        maxResponseBytes: Int = HTTPRequest.jsonLimit,
        security: TransportSecurity = .verified
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.maxResponseBytes = maxResponseBytes
        self.security = security
    }

    /// Body cap for manifests (the OCI distribution spec's 4 MiB).
    public static let manifestLimit = 4 << 20
    /// Body cap for JSON documents and small blobs.
    public static let jsonLimit = 16 << 20
}

/// How strictly a request's transport is secured.
public enum TransportSecurity: Sendable, Equatable {
    /// TLS with certificate and host verification.
    case verified
    /// Plain HTTP or TLS without verification, allowed only for instances marked `insecure`.
    case insecure
}
