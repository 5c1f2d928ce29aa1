import RegistryClient
import TerminalUI

/// How a repository's tags differ from another repository's, usually its replica: per tag, missing
/// on the target, different, extra there or the same, with both digests and (when the source
/// replicates) the last sync task of the tag. Enter on a missing or different tag copies it: a
/// one-off sync when the source replicates and the target is an ACR instance, otherwise a
/// `skopeo copy` command on the clipboard.
@MainActor
final class DriftList: ResourceKind {
    /// One side of the comparison.
    struct Side: Sendable {
        var instance: Instance
        /// `namespace/name`.
        var repository: String

        /// `instance/namespace/name`.
        var path: String { "\(instance.name)/\(repository)" }
    }

    unowned let context: any PaneContext
    let source: Side
    let target: Side
    /// The source's provider, when it replicates: the last sync per tag, and one-off syncs.
    private var replicator: (any Replicating)?
    /// The newest sync task of each tag of the source repository.
    private var lastSync: [String: SyncTask] = [:]
    private var tasksRead: Task<Void, Never>?
    /// The last comparison: whether the target exists, whether a side was cut.
    private var comparison: DriftComparison?

    init(context: any PaneContext, source: Side, target: Side) {
        self.context = context
        self.source = source
        self.target = target
    }

    var owningInstance: Instance? { source.instance }
    func concerns(_ instance: String) -> Bool { instance == source.instance.name || instance == target.instance.name }
    var crumb: String { context.catalog[.drift] }
    var title: String { "\(context.catalog[.drift]) · \(source.path) → \(target.path)" }
    var location: ViewLocation {
        ViewLocation(
            instance: source.instance.name, namespace: Namespace.of(repository: source.repository),
            repository: source.repository)
    }
    var emptyText: String { context.catalog[.emptyDrift] }
    var isBusy: Bool { tasksRead != nil }

    func rows(in pane: ResourcePane<DriftList>) -> AsyncThrowingStream<[TagDrift], any Error> {
        let (session, source, target) = (context.session, source, target)
        return .producing { [weak self] continuation in
            let comparison = try await DriftComparison.load(
                source: (try await session.provider(for: source.instance.name), source.repository),
                target: (try await session.provider(for: target.instance.name), target.repository))
            await MainActor.run { self?.comparison = comparison }
            continuation.yield(comparison.rows)
        }
    }

    /// A missing target or a cut listing, else how many tags need a copy.
    func header(in pane: ResourcePane<DriftList>) -> StyledLine? {
        guard let comparison else { return nil }
        let catalog = context.catalog
        if comparison.targetMissing { return StyledLine(catalog[.driftTargetMissing, target.path], .warning) }
        if comparison.truncated { return StyledLine(catalog[.driftTruncated], .warning) }
        let pending = comparison.count(.missing) + comparison.count(.different)
        return StyledLine(
            catalog[.driftSummary, pending, comparison.count(.extra), comparison.count(.same)],
            pending == 0 ? .ok : .muted)
    }

    func searchFields(of row: TagDrift) -> [String] { [row.tag, row.state.rawValue] }

    func searchIdentifiers(of row: TagDrift) -> [String] {
        [row.sourceDigest?.description, row.targetDigest?.description].compactMap { $0 }
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<DriftList>) {
        replicator = provider as? any Replicating
        readTasks()
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<DriftList>) -> Bool {
        switch change {
        case .tags(let instance, let repository):
            return (instance, repository) == (source.instance.name, source.repository)
                || (instance, repository) == (target.instance.name, target.repository)
        case .replication(let instance) where instance == source.instance.name:
            readTasks()
            return true
        default:
            return false
        }
    }

    /// Reads the source repository's sync tasks once, keeping the newest per tag.
    private func readTasks() {
        guard let replicator else { return }
        tasksRead?.cancel()
        tasksRead = Task { [weak self, repository = source.repository] in
            var newest: [String: SyncTask] = [:]
            if let tasks = try? await replicator.syncTasks(repository: repository, tag: nil).collect() {
                for task in tasks {
                    guard let tag = task.source.tag else { continue }
                    if let known = newest[tag], (known.created ?? .distantPast) >= (task.created ?? .distantPast) {
                        continue
                    }
                    newest[tag] = task
                }
            }
            guard let self, !Task.isCancelled else { return }
            self.lastSync = newest
            self.tasksRead = nil
            self.context.requestDisplay()
        }
    }

    func close() { tasksRead?.cancel() }

    func settle() async { await tasksRead?.value }

    func actions(in pane: ResourcePane<DriftList>) -> [ConsoleAction] { [.open, .back, .filter, .refresh] }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<DriftList>) -> Bool {
        guard action == .open, let row = pane.selected else { return false }
        guard row.state == .missing || row.state == .different else {
            context.showFlash(context.catalog[.driftNothingToCopy, row.tag])
            return true
        }
        DriftCopyFlow(context: context, replicator: replicator, source: source, target: target).copy(row.tag)
        return true
    }

    /// Tags needing a copy on top, colored by state.
    func columns(in pane: ResourcePane<DriftList>, theme: Theme) -> [TableColumn<TagDrift>] {
        let (catalog, context, lastSync) = (context.catalog, context, lastSync)
        var columns = [
            TableColumn<TagDrift>(catalog[.columnTag], width: .fit(min: 6, max: 32)) { $0.tag },
            TableColumn(catalog[.columnState], width: .fit(min: 6, max: 10), style: { theme[Self.role(of: $0.state)] })
            {
                catalog.driftState($0.state)
            },
            TableColumn(catalog[.columnSource], width: .fixed(12)) { $0.sourceDigest?.short ?? "-" },
            TableColumn(catalog[.columnTarget], width: .fixed(12)) { $0.targetDigest?.short ?? "-" },
        ]
        if replicator != nil {
            columns.append(
                TableColumn(catalog[.columnLastSync], width: .flexible(min: 12)) { row in
                    guard let task = lastSync[row.tag] else { return "-" }
                    return "\(catalog.syncStatus(task.status)) · \(context.relativeTime(task.created))"
                        + (task.issue.map { " · \($0.code)" } ?? "")
                })
        }
        return columns
    }

    /// Missing red, different in the warning color, extra muted, same green.
    static func role(of state: TagDrift.State) -> ThemeRole {
        switch state {
        case .missing: .error
        case .different: .warning
        case .extra: .muted
        case .same: .ok
        }
    }
}

extension Catalog {
    /// A drift state in words.
    func driftState(_ state: TagDrift.State) -> String {
        switch state {
        case .missing: self[.driftMissing]
        case .different: self[.driftDifferent]
        case .extra: self[.driftExtra]
        case .same: self[.driftSame]
        }
    }
}
