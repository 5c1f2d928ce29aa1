import RegistryClient

/// Fetches a value per key (tag details, scan summaries) with bounded concurrency, visible keys
/// first. When not every key is needed, only visible keys are fetched and a fetch whose row
/// scrolled away is cancelled: moving on never waits for what no longer matters.
@MainActor
final class VisibleLoader<Key: Hashable & Sendable, Value: Sendable> {
    private let limit: Int
    private let fetch: @Sendable (Key) async throws -> Value
    private var queue: [Key] = []
    private var inFlight: [Key: Task<Void, Never>] = [:]
    private var finished: Set<Key> = []
    private var lastRequest: (visible: [Key], everything: Bool)?
    /// Called on the main actor with each result.
    var onResult: (Key, Result<Value, RegistryError>) -> Void = { _, _ in }

    /// A loader running `fetch` at most `limit` at a time.
    init(limit: Int = 16, fetch: @escaping @Sendable (Key) async throws -> Value) {
        self.limit = limit
        self.fetch = fetch
    }

    /// Whether fetches are queued or running.
    var isBusy: Bool { !queue.isEmpty || !inFlight.isEmpty }

    /// How many keys have a result (or failed).
    var finishedCount: Int { finished.count }

    /// Declares what is needed now: the visible keys, and with `everything` all of `all` after them.
    func want(visible: [Key], everything: Bool, all: @autoclosure () -> [Key]) {
        // With `everything`, keys may have been added since the last request, so look again.
        if !everything, let last = lastRequest, last.visible == visible, !last.everything { return }
        lastRequest = (visible, everything)
        let wanted = Set(visible)
        if !everything {
            for (key, task) in inFlight where !wanted.contains(key) {
                task.cancel()
                inFlight[key] = nil
            }
        }
        var next = visible.filter { !finished.contains($0) && inFlight[$0] == nil }
        if everything {
            next += all().filter { !wanted.contains($0) && !finished.contains($0) && inFlight[$0] == nil }
        }
        queue = next
        pump()
    }

    /// Forgets everything (reload).
    func reset() {
        inFlight.values.forEach { $0.cancel() }
        inFlight = [:]
        queue = []
        finished = []
        lastRequest = nil
    }

    /// Forgets one key so it is fetched again when wanted.
    func invalidate(_ key: Key) {
        finished.remove(key)
        lastRequest = nil
    }

    /// Waits for running fetches (tests).
    func settle() async {
        while let task = inFlight.values.first { await task.value }
    }

    private func pump() {
        while inFlight.count < limit, !queue.isEmpty {
            let key = queue.removeFirst()
            guard !finished.contains(key), inFlight[key] == nil else { continue }
            let fetch = fetch
            inFlight[key] = Task { [weak self] in
                let result: Result<Value, RegistryError>
                do {
                    result = .success(try await fetch(key))
                } catch {
                    result = .failure(RegistryError(wrapping: error))
                }
                // A fetch this loader cancelled (its row left the screen, a reset) was already
                // forgotten; any other ending, a thrown cancellation included, is a result.
                guard let self, !Task.isCancelled else { return }
                self.inFlight[key] = nil
                self.finished.insert(key)
                self.onResult(key, result)
                self.pump()
            }
        }
    }
}
