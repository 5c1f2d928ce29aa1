import RegistryClient
import TerminalUI

/// The tasks of one replication execution, failed ones first: status, resource type, source and
/// destination. Enter shows the selected task's log.
@MainActor
final class ReplicationTaskList: ResourceKind {
    typealias Row = ReplicationTask

    unowned let context: any PaneContext
    let instance: Instance
    let execution: ReplicationExecution
    private let manager: any ReplicationPolicyManaging

    init(
        context: any PaneContext, instance: Instance, execution: ReplicationExecution,
        manager: any ReplicationPolicyManaging
    ) {
        self.context = context
        self.instance = instance
        self.execution = execution
        self.manager = manager
    }

    var owningInstance: Instance? { instance }
    var crumb: String { "#\(execution.id)" }
    var title: String { "\(context.catalog[.replicationTasks]) · \(instance.name) · #\(execution.id)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String { context.catalog[.emptyReplicationTasks] }

    func rows(in pane: ResourcePane<ReplicationTaskList>) -> AsyncThrowingStream<[Row], any Error> {
        let (manager, id) = (manager, execution.id)
        return .producing { continuation in
            continuation.yield(try await manager.replicationTasks(executionID: id, status: nil))
        }
    }

    /// Failed tasks first, each group in id order.
    func order(_ rows: [Row]) -> [Int] {
        rows.indices.sorted {
            (rows[$0].status.phase == .failed ? 0 : 1, rows[$0].id) < (
                rows[$1].status.phase == .failed ? 0 : 1, rows[$1].id
            )
        }
    }

    func searchFields(of row: Row) -> [String] { [row.source, row.destination, row.status.word] }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<ReplicationTaskList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    func actions(in pane: ResourcePane<ReplicationTaskList>) -> [ConsoleAction] { [.open, .back, .filter, .refresh] }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ReplicationTaskList>) -> Bool {
        guard action == .open else { return false }
        guard let task = pane.selected else { return true }
        let (manager, execution) = (manager, execution.id)
        context.push(
            JobLogScreen(
                context: context, instance: instance, crumb: "#\(task.id)",
                title: "\(context.catalog[.jobLog]) · \(task.source) → \(task.destination)"
            ) { try await manager.replicationTaskLog(executionID: execution, taskID: task.id) })
        return true
    }

    func header(in pane: ResourcePane<ReplicationTaskList>) -> StyledLine? {
        StyledLine(context.catalog[.replicationTasksHint], .muted)
    }

    func columns(in pane: ResourcePane<ReplicationTaskList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnID], width: .fit(min: 2, max: 8), alignRight: true) { String($0.id) },
            TableColumn(
                catalog[.columnStatus], width: .fit(min: 6, max: 12),
                style: { theme[ReplicationPolicyList.role(of: $0.status)] }
            ) { catalog.jobStatus($0.status) },
            TableColumn(catalog[.columnType], width: .fit(min: 4, max: 10)) { $0.resourceType ?? "-" },
            TableColumn(catalog[.columnSource], width: .flexible(min: 12)) { $0.source },
            TableColumn(catalog[.columnDestination], width: .flexible(min: 12)) { $0.destination },
        ]
    }
}
