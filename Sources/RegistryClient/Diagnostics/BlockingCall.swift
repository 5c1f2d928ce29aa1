import Foundation
import Synchronization

/// Runs a blocking system call (`getaddrinfo`, which cannot be cancelled) on a thread of its own,
/// and stops waiting for it at a deadline.
enum BlockingCall {
    /// The result of `work`, or nil when it has not finished within `timeout`; the thread is then
    /// left to finish on its own, and its result is dropped.
    static func run<T: Sendable>(timeout: Duration, _ work: @escaping @Sendable () -> T) async -> T? {
        let waiter = Waiter<T>()
        return await withCheckedContinuation { continuation in
            waiter.set(continuation)
            Thread { waiter.resume(work()) }.start()
            Task {
                try? await Task.sleep(for: timeout)
                waiter.resume(nil)
            }
        }
    }

    /// A continuation resumed once, by whichever comes first.
    private final class Waiter<T: Sendable>: Sendable {
        private let continuation = Mutex<CheckedContinuation<T?, Never>?>(nil)

        func set(_ value: CheckedContinuation<T?, Never>) { continuation.withLock { $0 = value } }

        func resume(_ value: T?) {
            continuation.withLock {
                $0?.resume(returning: value)
                $0 = nil
            }
        }
    }
}
