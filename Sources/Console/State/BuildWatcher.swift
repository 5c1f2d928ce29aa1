import Foundation
import RegistryClient

/// The builds the user started or saw running in this session, polled until they end: then a flash
/// says how each ended (`build 3f2a1b2c of ns/app succeeded in 2m10s`) wherever the user is, and
/// the open build panes reload. It polls only while it watches a build, and watches a bounded
/// number of them.
@MainActor
final class BuildWatcher {
    /// How the user came to a build, for the records' "started by" column.
    enum Origin: Sendable, Equatable {
        /// Run now, from a rule (its branch or tag).
        case rule(String)
        /// Built again from an earlier build (its id).
        case rebuild(String)
    }

    private struct Watched {
        var instance: String
        var repository: String
        var provider: any BuildManaging
        /// Polls in a row that failed; the build is given up after a few.
        var failures = 0
    }

    private weak var context: (any PaneContext)?
    private var watched: [String: Watched] = [:]
    /// Ids in the order they were added, to drop the oldest past the cap.
    private var order: [String] = []
    /// How the builds started in this session began, by build id.
    private(set) var origins: [String: Origin] = [:]
    private var poller: Task<Void, Never>?
    /// The pause between polls.
    private static let interval: Duration = .seconds(3)
    private static let cap = 32
    private static let maxFailures = 5

    init(context: any PaneContext) {
        self.context = context
    }

    /// Watches build `id` of `repository` until it ends; `origin` says the user started it here.
    func watch(
        _ id: String, repository: String, provider: any BuildManaging, origin: Origin? = nil
    ) {
        if let origin { origins[id] = origin }
        guard watched[id] == nil else { return }
        watched[id] = Watched(instance: provider.instance.name, repository: repository, provider: provider)
        order.append(id)
        if order.count > Self.cap { watched[order.removeFirst()] = nil }
        if poller == nil { startPolling() }
    }

    private func startPolling() {
        poller = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                guard let self, !Task.isCancelled else { return }
                await self.poll()
                if self.watched.isEmpty {
                    self.poller = nil
                    return
                }
            }
        }
    }

    /// Reads every watched build once and reports the ones that ended.
    private func poll() async {
        for (id, build) in watched {
            do {
                let record = try await build.provider.buildRecord(repository: build.repository, id: id)
                guard !record.status.isRunning else { continue }
                finished(id, build, record)
            } catch {
                watched[id]?.failures += 1
                if (watched[id]?.failures ?? 0) >= Self.maxFailures { forget(id) }
            }
        }
    }

    private func finished(_ id: String, _ build: Watched, _ record: BuildRecord) {
        forget(id)
        guard let context else { return }
        let catalog = context.catalog
        let took = catalog.duration(record.duration(now: context.now) ?? 0)
        let short = BuildRecordList.shortID(id)
        let message: Message =
            switch record.status {
            case .success: .buildFinishedSuccess
            case .failed: .buildFinishedFailed
            case .canceled: .buildFinishedCanceled
            default: .buildFinishedOther
            }
        context.showFlash(
            catalog[message, short, build.repository, took, catalog.buildStatus(record.status)],
            error: record.status == .failed)
        context.publish(.builds(instance: build.instance, repository: build.repository))
    }

    private func forget(_ id: String) {
        watched[id] = nil
        order.removeAll { $0 == id }
    }
}
