/// Reads a build's log from the start and, while the build runs, keeps reading new lines as they
/// arrive until it ends: the loop behind `builds log --follow`, `builds run --wait` and the
/// console's log view.
///
/// The server's offset semantics are unverified (whether the line at the offset repeats, whether
/// it counts from 0 or 1), so lines are told apart by their numbers: only numbers above the highest
/// seen are passed on, and the next read starts at that highest number. Each round asks the
/// build's status, then reads until a read brings nothing new; a status that said finished before
/// the reads means the log is complete.
public struct BuildLogFollower: Sendable {
    /// What the follower reports, in order.
    public enum Event: Sendable, Equatable {
        /// Lines not seen before, in line-number order.
        case lines([BuildLogLine])
        /// The build ended (or, without following, how it stands now); nothing follows.
        case finished(BuildStatus)
    }

    let provider: any BuildManaging
    let repository: String
    let recordID: String
    /// The pause between reads that brought nothing new.
    let interval: Duration
    /// At most this many lines are passed on; the follower then reports the status and stops.
    let maxLines: Int
    /// The follower stops after this long even if the build still runs.
    let deadline: Duration
    /// Whether a provider that serves no logs (`.unsupported`, Personal Edition) is followed by its
    /// status alone instead of failing.
    let logOptional: Bool

    /// Creates a follower of build `recordID` of `repository`.
    public init(
        provider: any BuildManaging, repository: String, recordID: String, interval: Duration = .seconds(2),
        maxLines: Int = 200_000, deadline: Duration = .seconds(6 * 3600), logOptional: Bool = false
    ) {
        self.provider = provider
        self.repository = repository
        self.recordID = recordID
        self.interval = interval
        self.maxLines = maxLines
        self.deadline = deadline
        self.logOptional = logOptional
    }

    /// The log as events: every line so far, then, with `follow`, new lines until the build ends.
    /// Without `follow` the stream ends after the lines there are, with the build's status now.
    public func events(follow: Bool) -> AsyncThrowingStream<Event, any Error> {
        let follower = self
        return .producing { continuation in
            let status = try await follower.run(follow: follow) { continuation.yield(.lines($0)) }
            continuation.yield(.finished(status))
        }
    }

    private func run(follow: Bool, deliver: @Sendable ([BuildLogLine]) -> Void) async throws -> BuildStatus {
        let started = ContinuousClock.now
        var highest = 0
        var delivered = 0
        var logServed = true
        /// Reads until a read brings nothing new.
        func drain() async throws {
            while logServed, delivered < maxLines {
                let page: [BuildLogLine]
                do {
                    page = try await provider.buildLog(repository: repository, recordID: recordID, from: highest)
                } catch let error as RegistryError where error.code == .unsupported && logOptional {
                    logServed = false
                    return
                }
                let fresh = page.filter { $0.number > highest }.sorted { $0.number < $1.number }
                let unique = fresh.enumerated()
                    .filter { $0.offset == 0 || fresh[$0.offset - 1].number != $0.element.number }
                    .map(\.element).prefix(maxLines - delivered)
                guard let last = unique.last else { return }
                deliver(Array(unique))
                delivered += unique.count
                highest = last.number
            }
        }
        while true {
            try Task.checkCancellation()
            // The status first: when it says finished, the read after it sees the whole log.
            let status = try await provider.buildStatus(repository: repository, recordID: recordID)
            try await drain()
            guard status.isRunning, follow, delivered < maxLines, ContinuousClock.now - started < deadline else {
                return status
            }
            try await Task.sleep(for: interval)
        }
    }
}
