import Foundation
import Synchronization

/// One line on standard error while a long wait goes on (`--wait`, `--follow`): what is awaited
/// and for how long, redrawn every second once the wait has taken one, and only when standard
/// error is a terminal. Output printed meanwhile goes through `interrupting`, which takes the line
/// away and draws it again.
final class WaitLine: Sendable {
    private struct State {
        var label: String
        /// Set by `finish`: nothing is drawn any more.
        var finished = false
    }

    private let state: Mutex<State>
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// Starts the line: `label … 12 s`.
    init(_ label: String) {
        state = Mutex(State(label: label))
        enabled = isatty(STDERR_FILENO) == 1
        guard enabled else { return }
        let task = Task { [weak self] in
            while (try? await Task.sleep(for: .seconds(1))) != nil {
                self?.draw()
            }
        }
        ticker.withLock { $0 = task }
    }

    /// Runs `output` with the line taken away, then draws it again.
    func interrupting(_ output: () -> Void) {
        state.withLock { state in
            erase()
            output()
            fflush(nil)  // all streams, standard output among them
            if !state.finished { write(state.label) }
        }
    }

    /// Shows `label` from now on (`3/5 tasks done`).
    func update(_ label: String) {
        state.withLock { $0.label = label }
    }

    /// Takes the line away for good.
    func finish() {
        ticker.withLock { $0?.cancel() }
        state.withLock { state in
            if !state.finished { erase() }
            state.finished = true
        }
    }

    private func draw() {
        state.withLock { state in
            if !state.finished { write(state.label) }
        }
    }

    /// Draws the line once the wait has taken a second.
    private func write(_ text: String) {
        let seconds = (ContinuousClock.now - started).components.seconds
        guard enabled, seconds >= 1 else { return }
        FileHandle.standardError.write(Data("\r\(text) … \(seconds) s\u{1B}[K".utf8))
    }

    private func erase() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
