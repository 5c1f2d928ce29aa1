/// What one listing or one request may cost at most, so a hostile or broken server cannot make a
/// command run or grow forever. Read from the config's `[limits]` table.
public struct RegistryLimits: Sendable, Equatable {
    /// Pages followed per listing (`max_pages`).
    public var maxPages = 10_000
    /// Items accepted per listing (`max_items`).
    public var maxItems = 1_000_000
    /// Deadline of one API request, retries included (`request_timeout`, seconds).
    public var requestTimeout: Duration = .seconds(60)
    /// Deadline of one blob download, retries included (`blob_timeout`, seconds).
    public var blobTimeout: Duration = .seconds(600)
    /// Connections open to one registry at once (`max_connections`): what a rate-limited or
    /// small registry can take.
    public var maxConnections = 32
    /// Time a shell completion has to read a listing from a registry (`completion_timeout_ms`):
    /// short, since the user is waiting at the prompt.
    public var completionTimeout: Duration = .milliseconds(1500)

    /// The defaults.
    public init() {}

    /// Reads a `[limits]` table; absent keys keep their defaults.
    /// - Throws: `ConfigError` for an unknown key or a value below 1.
    static func read(_ section: TOMLSection) throws -> RegistryLimits {
        try section.rejectUnknownKeys(allowed: [
            "max_pages", "max_items", "request_timeout", "blob_timeout", "max_connections", "completion_timeout_ms",
        ])
        func positive(_ key: String) throws -> Int? {
            guard let value = try section.int(key) else { return nil }
            guard value >= 1 else { throw section.error(key, "must be at least 1, found \(value)") }
            return value
        }
        var limits = RegistryLimits()
        limits.maxPages = try positive("max_pages") ?? limits.maxPages
        limits.maxItems = try positive("max_items") ?? limits.maxItems
        limits.requestTimeout = try positive("request_timeout").map { .seconds($0) } ?? limits.requestTimeout
        limits.blobTimeout = try positive("blob_timeout").map { .seconds($0) } ?? limits.blobTimeout
        limits.maxConnections = try positive("max_connections") ?? limits.maxConnections
        limits.completionTimeout =
            try positive("completion_timeout_ms").map { .milliseconds($0) } ?? limits.completionTimeout
        return limits
    }
}
