import Foundation

/// When and how long to wait before retrying an idempotent request.
///
/// Retries happen on 429, 502, 503 and 504 and on transient transport failures (resets, truncated
/// bodies, timeouts), with exponential backoff that honours `Retry-After` and `x-acs-retry-after`.
public struct RetryPolicy: Sendable {
    /// How many retries follow the first attempt.
    public var maxRetries: Int
    /// The first backoff; each later one doubles.
    public var baseDelay: Duration
    /// The longest wait this policy accepts; a server asking for more gets no retry.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxRetries: Int = 3, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(30)) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Statuses that say the server did not act and may succeed later.
    public static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    /// The wait before retry number `attempt` (0-based) after this response, or nil for no retry.
    public func delay(after response: HTTPResponse, method: HTTPMethod, attempt: Int, now: Date = Date()) -> Duration? {
        guard method.isIdempotent, Self.retryableStatuses.contains(response.status) else { return nil }
        return delay(honouring: response.headers, attempt: attempt, now: now)
    }

    /// The wait before retry number `attempt` of a request the caller knows may be retried (a
    /// throttled API call): what the server asked for in `headers`, else the backoff; nil when
    /// retries are used up or the server asks for longer than `maxDelay`.
    public func delay(honouring headers: HTTPHeaders, attempt: Int, now: Date = Date()) -> Duration? {
        guard attempt < maxRetries else { return nil }
        if let requested = Self.serverRequestedDelay(headers, now: now) {
            return requested <= maxDelay ? requested : nil
        }
        return backoff(attempt)
    }

    /// The wait before retry number `attempt` after a transport failure, or nil for no retry.
    public func delay(after error: HTTPTransportError, method: HTTPMethod, attempt: Int) -> Duration? {
        guard method.isIdempotent, attempt < maxRetries, error.isTransient else { return nil }
        return backoff(attempt)
    }

    private func backoff(_ attempt: Int) -> Duration {
        let exponential = baseDelay * (1 << min(attempt, 16))
        let jitter = Double.random(in: 0.8...1.2)
        return min(exponential * jitter, maxDelay)
    }

    /// The delay a server asked for with `Retry-After` (seconds or HTTP date) or `x-acs-retry-after`
    /// (milliseconds, as Alibaba Cloud sends it).
    static func serverRequestedDelay(_ headers: HTTPHeaders, now: Date) -> Duration? {
        if let value = headers["x-acs-retry-after"], let milliseconds = Int(value.trimmingCharacters(in: .whitespaces)),
            milliseconds >= 0
        {
            return .milliseconds(milliseconds)
        }
        guard let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 {
            return .seconds(seconds)
        }
        if let date = HTTPDate.parse(value) {
            return .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
        }
        return nil
    }
}
