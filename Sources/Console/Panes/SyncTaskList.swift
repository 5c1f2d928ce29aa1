import Foundation
import RegistryClient
import TerminalUI

/// The sync tasks of an instance (ACR replication), newest first, of one repository or rule when
/// opened from one: status, progress, rule, source → target, created. While a task runs the pane
/// reads each running task on its own (bytes and layers copied) and lists again every two seconds,
/// until none runs. The line above the table says why the selected task failed and what to do.
/// ctrl-x cancels a running task.
@MainActor
final class SyncTaskList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    /// `namespace/name`, when the pane lists one repository's tasks.
    let repository: String?
    /// The rule whose tasks are listed, when opened from one.
    let rule: SyncRule?
    private var replicator: (any Replicating)?
    private var isUnsupported = false
    /// Running tasks read on their own, with their progress.
    private var details: [String: SyncTask] = [:]
    private var reads: [String: Task<Void, Never>] = [:]
    /// The next reload while a task runs.
    private let poll = PendingReload()
    /// Rule names by id and instance names by server id, read once.
    private var ruleNames: [String: String] = [:]
    private var replicaNames = ReplicaNames()
    private var rulesRead: Task<Void, Never>?
    /// The pause between reloads while a task runs.
    static let pollInterval: Duration = .seconds(2)

    init(context: any PaneContext, instance: Instance, repository: String? = nil, rule: SyncRule? = nil) {
        self.context = context
        self.instance = instance
        self.repository = repository
        self.rule = rule
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.syncTasks] }
    var title: String {
        "\(context.catalog[.syncTasks]) · \(instance.name)" + (repository.map { "/\($0)" } ?? "")
            + (rule.map { " · \($0.name)" } ?? "")
    }
    var location: ViewLocation {
        ViewLocation(
            instance: instance.name, namespace: repository.map(Namespace.of(repository:)), repository: repository)
    }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.syncTasks]] : context.catalog[.emptySyncTasks]
    }
    var isBusy: Bool { !reads.isEmpty }

    func rows(in pane: ResourcePane<SyncTaskList>) -> AsyncThrowingStream<[SyncTask], any Error> {
        let repository = repository
        return context.pages(of: instance.name) { provider in
            guard let replicator = provider as? any Replicating else { return AsyncThrowingStream { $0.finish() } }
            return replicator.syncTasks(repository: repository, tag: nil)
        }
    }

    /// Newest first.
    func order(_ rows: [SyncTask]) -> [Int] {
        rows.indices.sorted { (rows[$0].created ?? .distantFuture) > (rows[$1].created ?? .distantFuture) }
    }

    func lists(_ row: SyncTask) -> Bool { rule.map { row.ruleID == $0.id } ?? true }

    func searchFields(of row: SyncTask) -> [String] {
        [row.source.description, row.target.description, row.status.description, row.ruleID ?? "", row.id]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<SyncTaskList>) {
        replicator = provider as? any Replicating
        isUnsupported = replicator == nil
        guard let replicator else { return }
        rulesRead = Task { [weak self, session = context.session] in
            let names = await ReplicaNames.load(from: session)
            let rules = (try? await replicator.syncRules(namespace: nil, repository: nil)) ?? []
            guard let self else { return }
            self.replicaNames = names
            self.ruleNames = Dictionary(rules.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            self.context.requestDisplay()
        }
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<SyncTaskList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    /// Running tasks are read on their own for their progress, and the pane lists again in a while.
    func received(_ page: [SyncTask], in pane: ResourcePane<SyncTaskList>) {
        guard let replicator else { return }
        let running = page.filter { $0.status.isRunning && lists($0) }
        for task in page where !task.status.isRunning { details[task.id] = nil }
        for task in running where reads[task.id] == nil {
            reads[task.id] = Task { [weak self] in
                let read = try? await replicator.syncTask(id: task.id)
                guard let self else { return }
                self.reads[task.id] = nil
                if let read, !Task.isCancelled { self.details[task.id] = read }
                self.context.requestDisplay()
            }
        }
        if !running.isEmpty { poll.schedule(pane, after: Self.pollInterval) }
    }

    func close() {
        poll.cancel()
        rulesRead?.cancel()
        for read in reads.values { read.cancel() }
    }

    func settle() async {
        await rulesRead?.value
        for read in reads.values { await read.value }
    }

    func actions(in pane: ResourcePane<SyncTaskList>) -> [ConsoleAction] {
        guard replicator != nil else { return [.back, .command, .refresh] }
        return (context.isReadOnly(instance) ? [] : [.cancelTask]) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<SyncTaskList>) -> Bool {
        guard action == .cancelTask, let replicator else { return false }
        guard context.requireWritable(instance), let task = pane.selected else { return true }
        guard current(task).status.isRunning else {
            context.showFlash(context.catalog[.syncTaskNotRunning, task.id], error: true)
            return true
        }
        let catalog = context.catalog
        let dialog = ConfirmDialog(
            title: catalog[.syncCancelTitle, task.id],
            body: [StyledLine("\(task.source) → \(task.target)"), StyledLine(catalog[.syncCancelBody], .warning)],
            confirmLabel: catalog[.syncCancelConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) { [context, instance] in
            context.runJob(notice: catalog[.syncCanceling, task.id], failure: .syncCancelFailed) {
                try await AuditedReplication(audit: context.auditLog).cancelSyncTask(id: task.id, on: replicator)
                context.showFlash(catalog[.syncCanceled, task.id])
                context.publish(.replication(instance: instance.name))
            }
        }
        return true
    }

    /// The task as last read on its own, when it was, else as listed.
    private func current(_ task: SyncTask) -> SyncTask {
        guard let read = details[task.id], task.status.isRunning else { return task }
        return read
    }

    /// Why the selected task failed and what to do; else where it copies.
    func header(in pane: ResourcePane<SyncTaskList>) -> StyledLine? {
        guard replicator != nil else { return nil }
        guard let task = pane.selected.map(current) else { return StyledLine(context.catalog[.syncTasksHint], .muted) }
        if let issue = task.issue { return StyledLine(context.catalog[.syncIssue, issue.description], .error) }
        return StyledLine("\(replicaNames.label(task.source)) → \(replicaNames.label(task.target))", .muted)
    }

    func columns(in pane: ResourcePane<SyncTaskList>, theme: Theme) -> [TableColumn<SyncTask>] {
        let (catalog, context) = (context.catalog, context)
        let current = { [weak self] (task: SyncTask) in self?.current(task) ?? task }
        let (ruleNames, replicaNames) = (ruleNames, replicaNames)
        return [
            TableColumn(
                catalog[.columnStatus], width: .fit(min: 6, max: 14),
                style: { theme[Self.role(of: current($0).status)] }
            ) { catalog.syncStatus(current($0).status) },
            TableColumn(catalog[.columnProgress], width: .fit(min: 8, max: 28)) { Self.progress(current($0), catalog) },
            TableColumn(catalog[.columnSource], width: .flexible(min: 12)) { Self.tagPath($0.source) },
            TableColumn(catalog[.columnTarget], width: .flexible(min: 12)) { replicaNames.label($0.target) },
            TableColumn(catalog[.columnRule], width: .fit(min: 4, max: 20)) { task in
                task.ruleID.map { ruleNames[$0] ?? $0 } ?? catalog[.syncOneOff]
            },
            TableColumn(catalog[.columnCreated], width: .fit(min: 8, max: 12)) { context.relativeTime($0.created) },
        ]
    }

    /// `namespace/repository:tag` of this instance's side.
    static func tagPath(_ location: ReplicaLocation) -> String {
        (location.repositoryPath ?? location.description) + (location.tag.map { ":\($0)" } ?? "")
    }

    /// `12.0 MB / 40.0 MB · 2/5 layers` while copying, when the task was read on its own.
    static func progress(_ task: SyncTask, _ catalog: Catalog) -> String {
        guard let progress = task.progress, progress.totalBytes > 0 || progress.layerCount > 0 else {
            return task.status == .success ? "100%" : "-"
        }
        let bytes = "\(ByteCount.format(progress.syncedBytes)) / \(ByteCount.format(progress.totalBytes))"
        return bytes + " · " + catalog[.syncLayers, progress.layersDone, progress.layerCount]
    }

    /// Success green, failure red, running in the accent, canceled muted.
    static func role(of status: SyncTaskStatus) -> ThemeRole {
        switch status {
        case .success: .ok
        case .failed: .error
        case .pending, .synchronizing: .warning
        case .canceled, .other: .muted
        }
    }
}

extension Catalog {
    /// A sync task's status in words.
    func syncStatus(_ status: SyncTaskStatus) -> String {
        switch status {
        case .pending: self[.syncPending]
        case .synchronizing: self[.syncSynchronizing]
        case .success: self[.syncSuccess]
        case .failed: self[.syncFailed]
        case .canceled: self[.syncCanceledStatus]
        case .other(let text): text
        }
    }
}
