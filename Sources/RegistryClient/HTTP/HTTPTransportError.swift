/// A request that produced no usable HTTP response.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, independent of the transport library.
    public enum Kind: String, Sendable {
        case unknownHost
        case connectionRefused
        case timedOut
        case tlsFailure
        case connectionReset
        case truncated
        case bodyTooLarge
        case tooManyRedirects
        /// An HTTPS request was redirected to plain HTTP, which is never followed.
        case insecureRedirect
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// The host the request went to.
    public var host: String
    /// The transport library's own explanation.
    public var detail: String

    /// Creates an error.
    public init(kind: Kind, host: String, detail: String) {
        self.kind = kind
        self.host = host
        self.detail = detail
    }

    /// Whether retrying the same idempotent request may succeed.
    public var isTransient: Bool {
        switch kind {
        case .connectionReset, .truncated, .timedOut: true
        default: false
        }
    }

    public var description: String { "\(host): \(detail)" }
}
