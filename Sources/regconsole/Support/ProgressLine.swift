import Foundation
import Synchronization

/// A one-line progress counter on standard error, drawn only when standard error is a terminal.
final class ProgressLine: Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let state = Mutex((done: 0, lastDrawn: ContinuousClock.now))

    /// A counter for `total` steps.
    init(_ label: String, total: Int) {
        self.label = label
        self.total = total
        self.enabled = isatty(STDERR_FILENO) == 1 && total > 20
    }

    /// Counts one finished step and redraws at most ten times a second.
    func advance() {
        guard enabled else { return }
        draw { $0.done += 1 }
    }

    /// Shows `done` of `total` steps, for work whose total grows as it goes; redraws at most ten
    /// times a second.
    func report(_ done: Int, of total: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        draw(total: total) { $0.done = done }
    }

    private func draw(total: Int? = nil, _ update: (inout (done: Int, lastDrawn: ContinuousClock.Instant)) -> Void) {
        let total = total ?? self.total
        let line: String? = state.withLock { state in
            update(&state)
            let now = ContinuousClock.now
            guard state.done == total || now - state.lastDrawn > .milliseconds(100) else { return nil }
            state.lastDrawn = now
            return "\r\(label) \(state.done)/\(total)\u{1B}[K"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Erases the line.
    func finish() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
