import Foundation
import Synchronization

/// A one-line progress counter on standard error, drawn only when standard error is a terminal
/// and the work has taken longer than a second.
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        var lastDrawn = ContinuousClock.now
        /// Progress of concurrent parts (instances), summed on the line.
        var parts: [Int: (done: Int, total: Int)] = [:]
    }

    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let state = Mutex(State())

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

    /// Shows the sum over concurrent parts, `part` having done `done` of `total` steps.
    func report(part: Int, done: Int, of total: Int) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        let sums = state.withLock { state in
            state.parts[part] = (done, total)
            return state.parts.values.reduce((done: 0, total: 0)) { ($0.done + $1.done, $0.total + $1.total) }
        }
        report(sums.done, of: sums.total)
    }

    private func draw(total: Int? = nil, _ update: (inout State) -> Void) {
        let total = total ?? self.total
        let line: String? = state.withLock { state in
            update(&state)
            let now = ContinuousClock.now
            guard now - started > .seconds(1), state.done == total || now - state.lastDrawn > .milliseconds(100)
            else { return nil }
            state.lastDrawn = now
            return "\r\(label) \(state.done)/\(total)\u{1B}[K"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Erases the line.
    func finish() {
        guard isatty(STDERR_FILENO) == 1, ContinuousClock.now - started > .seconds(1) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
