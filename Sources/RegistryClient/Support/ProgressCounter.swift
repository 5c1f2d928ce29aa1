import Synchronization

/// A thread-safe counter for progress reports from concurrent tasks.
final class ProgressCounter: Sendable {
    private let value = Mutex(0)

    /// Adds one and returns the new count.
    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
