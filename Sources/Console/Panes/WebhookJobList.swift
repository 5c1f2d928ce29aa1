import RegistryClient
import TerminalUI

/// The recent jobs (deliveries) of one webhook policy, newest first: status, event, start and
/// duration. Enter shows the job's log.
@MainActor
final class WebhookJobList: ResourceKind {
    typealias Row = WebhookExecution

    unowned let context: any PaneContext
    let instance: Instance
    let policy: WebhookPolicy
    private let manager: any WebhookManaging

    init(context: any PaneContext, instance: Instance, policy: WebhookPolicy, manager: any WebhookManaging) {
        self.context = context
        self.instance = instance
        self.policy = policy
        self.manager = manager
    }

    var owningInstance: Instance? { instance }
    var crumb: String { policy.name }
    var title: String { "\(context.catalog[.webhookJobs]) · \(instance.name)/\(policy.project) · \(policy.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: policy.project) }
    var emptyText: String { context.catalog[.emptyWebhookJobs] }

    func rows(in pane: ResourcePane<WebhookJobList>) -> AsyncThrowingStream<[Row], any Error> {
        let (manager, policy) = (manager, policy)
        return .producing { continuation in
            continuation.yield(
                try await manager.webhookExecutions(project: policy.project, policyID: policy.id, limit: 50))
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].id > rows[$1].id } }

    func searchFields(of row: Row) -> [String] { [String(row.id), row.status.word, row.eventType ?? ""] }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<WebhookJobList>) -> Bool {
        change == .delivery(instance: instance.name)
    }

    func actions(in pane: ResourcePane<WebhookJobList>) -> [ConsoleAction] { [.open, .back, .filter, .refresh] }

    /// The job's log: that of its first task (a webhook job has one).
    func perform(_ action: ConsoleAction, in pane: ResourcePane<WebhookJobList>) -> Bool {
        guard action == .open else { return false }
        guard let job = pane.selected else { return true }
        let (manager, policy) = (manager, policy)
        context.push(
            JobLogScreen(
                context: context, instance: instance, crumb: "#\(job.id)",
                title: "\(context.catalog[.jobLog]) · \(policy.name) · #\(job.id)"
            ) {
                let tasks = try await manager.webhookTasks(
                    project: policy.project, policyID: policy.id, executionID: job.id)
                guard let task = tasks.first else { return "" }
                return try await manager.webhookTaskLog(
                    project: policy.project, policyID: policy.id, executionID: job.id, taskID: task.id)
            })
        return true
    }

    func header(in pane: ResourcePane<WebhookJobList>) -> StyledLine? {
        guard let message = pane.selected?.statusMessage else {
            return StyledLine(context.catalog[.webhookJobsHint], .muted)
        }
        return StyledLine(message, .error)
    }

    func columns(in pane: ResourcePane<WebhookJobList>, theme: Theme) -> [TableColumn<Row>] {
        let (catalog, context) = (context.catalog, context)
        return [
            TableColumn(catalog[.columnID], width: .fit(min: 2, max: 8), alignRight: true) { String($0.id) },
            TableColumn(
                catalog[.columnStatus], width: .fit(min: 6, max: 12),
                style: { theme[ReplicationPolicyList.role(of: $0.status)] }
            ) { catalog.jobStatus($0.status) },
            TableColumn(catalog[.columnEvent], width: .flexible(min: 12)) { $0.eventType ?? "-" },
            TableColumn(catalog[.columnStarted], width: .fit(min: 7, max: 12)) { context.relativeTime($0.started) },
            TableColumn(catalog[.columnDuration], width: .fit(min: 8, max: 10)) { job in
                job.started.flatMap { start in job.ended.map { catalog.duration($0.timeIntervalSince(start)) } } ?? "-"
            },
        ]
    }
}
