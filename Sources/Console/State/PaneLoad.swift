import RegistryClient

/// The load behind a pane that fetches one thing (an artifact, a report, a diff): it runs on the
/// first appearance and on refresh, a new run cancels the previous one, and a failure is kept for
/// the pane to show in the user's language. (Lists use `ResourcePane` instead.)
@MainActor
final class PaneLoad {
    private var task: Task<Void, Never>?
    private var generation = 0
    private var started = false
    /// Why the last run failed, or nil.
    private(set) var failure: RegistryError?
    /// Runs after every run ends (redraw).
    private let finished: @MainActor () -> Void

    init(finished: @escaping @MainActor () -> Void) {
        self.finished = finished
    }

    /// Whether a run is under way.
    var isRunning: Bool { task != nil }

    /// Calls `start` the first time only.
    func appear(_ start: () -> Void) {
        guard !started else { return }
        started = true
        start()
    }

    /// Starts `work`, cancelling the run before it.
    func run(_ work: @escaping @MainActor () async throws -> Void) {
        task?.cancel()
        failure = nil
        generation += 1
        let current = generation
        task = Task { [weak self] in
            do {
                try await work()
            } catch is CancellationError {
            } catch {
                if self?.generation == current { self?.failure = RegistryError(wrapping: error) }
            }
            guard let self, self.generation == current else { return }
            self.task = nil
            self.finished()
        }
    }

    /// Stops the run.
    func cancel() { task?.cancel() }

    /// Waits for the run (tests).
    func settle() async { await task?.value }
}
