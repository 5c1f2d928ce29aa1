/// The one error type of the registry client: a code to branch on and a message that says what
/// failed and what to do about it.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// Credentials missing or rejected.
        case unauthorized
        /// Authenticated, but the account lacks a permission.
        case denied
        /// Repository, tag, digest or instance does not exist.
        case notFound
        /// The host name does not resolve.
        case unknownHost
        /// The cloud region does not exist.
        case unknownRegion
        /// A reference, tag or name is malformed (a usage error).
        case invalidReference
        /// Connection refused, reset or otherwise failed.
        case network
        /// The server took too long.
        case timeout
        /// TLS handshake or certificate verification failed.
        case tls
        /// The server kept answering 429 / throttling.
        case rateLimited
        /// The server failed (5xx) after retries.
        case server
        /// The server's answer could not be understood (malformed, truncated or oversized).
        case invalidResponse
        /// Content did not match its digest.
        case digestMismatch
        /// The registry does not support the operation (e.g. deletes disabled).
        case unsupported
        /// The operation was refused to protect data (a shared digest, a changed tag).
        case refused
        /// The instance is read-only.
        case readOnly
        /// The operation was cancelled before it finished.
        case cancelled
        /// A failure the client does not classify (a bug, or an error from outside the client).
        case unexpected
    }

    public var code: Code
    /// What failed, in one line.
    public var message: String
    /// What to do about it, when there is something to do.
    public var hint: String?
    /// The HTTP status, when one was received.
    public var status: Int?
    /// The server's own error code (`MANIFEST_UNKNOWN`, `NoPrivilege`…), when it sent one.
    public var serverCode: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil, status: Int? = nil, serverCode: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.status = status
        self.serverCode = serverCode
    }

    /// The message followed by the hint.
    public var description: String {
        hint.map { "\(message); \($0)" } ?? message
    }
}
