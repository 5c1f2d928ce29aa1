/// The slowest transfer tolerated: one averaging fewer than `bytesPerSecond` over `window` is aborted
/// as stalled (a server dripping bytes to hold the connection, or never answering at all).
public struct LowSpeedLimit: Sendable, Equatable {
    /// The average rate below which the transfer counts as stalled.
    public var bytesPerSecond: Int
    /// How long the rate may stay below `bytesPerSecond` before the transfer is aborted.
    public var window: Duration

    /// Creates a limit.
    public init(bytesPerSecond: Int, window: Duration) {
        self.bytesPerSecond = bytesPerSecond
        self.window = window
    }

    /// 512 B/s over 30 s: far below any working link, far above a server that drips bytes.
    public static let standard = LowSpeedLimit(bytesPerSecond: 512, window: .seconds(30))
}
