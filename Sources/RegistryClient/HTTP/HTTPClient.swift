/// Sends HTTP requests. Implementations must not block Swift's cooperative thread pool,
/// must cancel the transfer when the calling task is cancelled, and apply `RetryPolicy`.
public protocol HTTPClient: Sendable {
    /// Sends the request and returns the final response, whatever its status.
    /// - Throws: `HTTPTransportError` when no response was received, `CancellationError` when cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
