import Foundation
import RegistryClient
import TerminalUI

/// The executions of one replication policy, newest first: status, trigger, start, duration and
/// the task counts. While one runs the pane lists again every three seconds. Enter lists an
/// execution's tasks; ctrl-x stops a running one and `!` runs the policy again, both confirmed.
@MainActor
final class ReplicationExecutionList: ResourceKind {
    typealias Row = ReplicationExecution

    unowned let context: any PaneContext
    let instance: Instance
    let policy: ReplicationPolicy
    private let manager: any ReplicationPolicyManaging
    /// The next reload while an execution runs.
    private let poll = PendingReload()
    /// The pause between reloads while an execution runs.
    static let pollInterval: Duration = .seconds(3)

    init(
        context: any PaneContext, instance: Instance, policy: ReplicationPolicy, manager: any ReplicationPolicyManaging
    ) {
        self.context = context
        self.instance = instance
        self.policy = policy
        self.manager = manager
    }

    var owningInstance: Instance? { instance }
    var crumb: String { policy.name }
    var title: String { "\(context.catalog[.replicationExecutions]) · \(instance.name) · \(policy.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String { context.catalog[.emptyReplicationExecutions] }

    func rows(in pane: ResourcePane<ReplicationExecutionList>) -> AsyncThrowingStream<[Row], any Error> {
        let (manager, id) = (manager, policy.id)
        return .producing { continuation in
            continuation.yield(try await manager.replicationExecutions(policyID: id, status: nil, limit: 100))
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].id > rows[$1].id } }

    func searchFields(of row: Row) -> [String] { [String(row.id), row.status.word, row.trigger] }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<ReplicationExecutionList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    /// Lists again in a while when an execution runs.
    func received(_ page: [Row], in pane: ResourcePane<ReplicationExecutionList>) {
        if page.contains(where: \.status.isRunning) { poll.schedule(pane, after: Self.pollInterval) }
    }

    func close() {
        poll.cancel()
    }

    func actions(in pane: ResourcePane<ReplicationExecutionList>) -> [ConsoleAction] {
        [.open] + (context.isReadOnly(instance) ? [] : [.cancelTask, .run]) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ReplicationExecutionList>) -> Bool {
        switch action {
        case .run:
            ReplicationPolicyList.confirmRun(policy, on: manager, instance: instance, context: context)
        case .open:
            guard let execution = pane.selected else { return true }
            context.push(
                ResourcePane(
                    ReplicationTaskList(context: context, instance: instance, execution: execution, manager: manager)))
        case .cancelTask:
            guard context.requireWritable(instance), let execution = pane.selected else { return true }
            confirmStop(execution)
        default:
            return false
        }
        return true
    }

    private func confirmStop(_ execution: ReplicationExecution) {
        let (catalog, context, manager, instance) = (context.catalog, context, manager, instance)
        guard execution.status.isRunning else {
            context.showFlash(catalog[.replicationNotRunning, execution.id], error: true)
            return
        }
        let dialog = ConfirmDialog(
            title: catalog[.replicationStopTitle, execution.id],
            body: [StyledLine(catalog[.replicationStopBody], .warning)],
            confirmLabel: catalog[.replicationStopConfirm], cancelLabel: catalog[.cancel])
        context.confirm(dialog) {
            context.runJob(notice: catalog[.replicationStopping, execution.id], failure: .replicationStopFailed) {
                try await AuditedAutomation(audit: context.auditLog).stopReplication(
                    executionID: execution.id, on: manager)
                context.showFlash(catalog[.replicationStopped, execution.id])
                context.publish(.replication(instance: instance.name))
            }
        }
    }

    /// Harbor's explanation of the selected execution's status, else the keys.
    func header(in pane: ResourcePane<ReplicationExecutionList>) -> StyledLine? {
        guard let execution = pane.selected, let text = execution.statusText else {
            return StyledLine(context.catalog[.replicationExecutionsHint], .muted)
        }
        let role: ThemeRole = execution.status.phase == .failed ? .error : .muted
        return StyledLine(context.catalog[.replicationExecutionDetail, execution.id, text], role)
    }

    func columns(in pane: ResourcePane<ReplicationExecutionList>, theme: Theme) -> [TableColumn<Row>] {
        let (catalog, context) = (context.catalog, context)
        return [
            TableColumn(catalog[.columnID], width: .fit(min: 2, max: 8), alignRight: true) { String($0.id) },
            TableColumn(
                catalog[.columnStatus], width: .fit(min: 6, max: 12),
                style: { theme[ReplicationPolicyList.role(of: $0.status)] }
            ) { catalog.jobStatus($0.status) },
            TableColumn(catalog[.columnSyncTrigger], width: .fit(min: 7, max: 12)) {
                catalog.replicationTrigger($0.trigger)
            },
            TableColumn(catalog[.columnStarted], width: .fit(min: 7, max: 12)) { context.relativeTime($0.started) },
            TableColumn(catalog[.columnDuration], width: .fit(min: 8, max: 10)) { execution in
                execution.duration(now: context.now).map(catalog.duration) ?? "-"
            },
            TableColumn(catalog[.columnTotal], width: .fit(min: 5, max: 7), alignRight: true) { String($0.total) },
            TableColumn(
                catalog[.columnFailedCount], width: .fit(min: 6, max: 8), alignRight: true,
                style: { $0.failed > 0 ? theme[.error] : nil }
            ) { String($0.failed) },
            TableColumn(catalog[.columnSucceeded], width: .fit(min: 9, max: 10), alignRight: true) {
                String($0.succeeded)
            },
        ]
    }
}
