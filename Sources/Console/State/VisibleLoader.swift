import RegistryClient

/// Fetches tag details (digest, size, created, platforms) with bounded concurrency, visible rows
/// first. When the sort does not need every tag's details, only visible rows are fetched and a
/// fetch whose row scrolled away is cancelled: moving on never waits for what no longer matters.
@MainActor
final class TagDetailLoader {
    private let provider: any RegistryProvider
    private let repository: String
    private let limit: Int
    private var queue: [String] = []
    private var inFlight: [String: Task<Void, Never>] = [:]
    private var finished: Set<String> = []
    private var lastRequest: (visible: [String], everything: Bool)?
    /// Called on the main actor with each result.
    var onResult: (String, Result<TagDetails, RegistryError>) -> Void = { _, _ in }

    init(provider: any RegistryProvider, repository: String, limit: Int = 16) {
        self.provider = provider
        self.repository = repository
        self.limit = limit
    }

    /// Whether fetches are queued or running.
    var isBusy: Bool { !queue.isEmpty || !inFlight.isEmpty }

    /// How many tags have details (or failed).
    var finishedCount: Int { finished.count }

    /// Declares what is needed now: the visible tags, and with `everything` all of `all` after them.
    func want(visible: [String], everything: Bool, all: @autoclosure () -> [String]) {
        if let last = lastRequest, last.visible == visible, last.everything == everything { return }
        lastRequest = (visible, everything)
        let wanted = Set(visible)
        if !everything {
            for (name, task) in inFlight where !wanted.contains(name) {
                task.cancel()
                inFlight[name] = nil
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

    /// Waits for running fetches (tests).
    func settle() async {
        while let task = inFlight.values.first { await task.value }
    }

    private func pump() {
        while inFlight.count < limit, !queue.isEmpty {
            let name = queue.removeFirst()
            guard !finished.contains(name), inFlight[name] == nil else { continue }
            let provider = provider
            let repository = repository
            inFlight[name] = Task { [weak self] in
                let result: Result<TagDetails, RegistryError>
                do {
                    result = .success(try await provider.tagDetails(repository: repository, tag: name))
                } catch let error as RegistryError {
                    result = .failure(error)
                } catch {
                    return  // cancelled: the row left the screen
                }
                guard let self, !Task.isCancelled else { return }
                self.inFlight[name] = nil
                self.finished.insert(name)
                self.onResult(name, result)
                self.pump()
            }
        }
    }
}
