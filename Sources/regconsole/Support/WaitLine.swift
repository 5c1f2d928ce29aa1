import Foundation
import Synchronization

/// One line on standard error while a long wait goes on (`--wait`, `--follow`): what is awaited
/// and for how long, redrawn every second, and only when standard error is a terminal. Output
/// printed meanwhile goes through `interrupting`, which takes the line away and draws it again.
final class WaitLine: Sendable {
    private let label: Mutex<String>
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// Starts the line: `label … 12 s`.
    init(_ label: String) {
        self.label = Mutex(label)
        enabled = isatty(STDERR_FILENO) == 1
        guard enabled else { return }
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                self?.draw()
            }
        }
        ticker.withLock { $0 = task }
    }

    /// Changes what the line says.
    func relabel(_ text: String) {
        label.withLock { $0 = text }
    }

    /// Runs `output` with the line taken away, then draws it again.
    func interrupting(_ output: () -> Void) {
        label.withLock { text in
            erase()
            output()
            fflush(nil)  // all streams, standard output among them
            write(text)
        }
    }

    /// Takes the line away for good.
    func finish() {
        ticker.withLock { $0?.cancel() }
        label.withLock { _ in erase() }
    }

    private func draw() {
        label.withLock { write($0) }
    }

    private func write(_ text: String) {
        guard enabled else { return }
        let seconds = (ContinuousClock.now - started).components.seconds
        FileHandle.standardError.write(Data("\r\(text) … \(seconds) s\u{1B}[K".utf8))
    }

    private func erase() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
