import Foundation
import RegistryClient
import TerminalUI

/// The runs of an instance's artifact subscriptions (ACR), newest first: status, result, how many
/// upstream tags matched and were pulled, when. While one runs the pane lists again every two
/// seconds; the line above the table shows the selected run's message.
@MainActor
final class SubscriptionTaskList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    private var subscriber: (any Subscribing)?
    private let poll = PendingReload()

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.subscriptionTasks] }
    var title: String { "\(context.catalog[.subscriptionTasks]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String { context.catalog[.emptySubscriptionTasks] }

    func rows(in pane: ResourcePane<SubscriptionTaskList>) -> AsyncThrowingStream<[SubscriptionTask], any Error> {
        context.pages(of: instance.name) { provider in
            guard let subscriber = provider as? any Subscribing else { return AsyncThrowingStream { $0.finish() } }
            return subscriber.subscriptionTasks()
        }
    }

    /// Newest first; runs without a start time on top.
    func order(_ rows: [SubscriptionTask]) -> [Int] {
        rows.indices.sorted { (rows[$0].started ?? .distantFuture) > (rows[$1].started ?? .distantFuture) }
    }

    func searchFields(of row: SubscriptionTask) -> [String] {
        [row.upstreamPath, row.repository, row.status, row.result ?? "", row.id]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<SubscriptionTaskList>) {
        subscriber = provider as? any Subscribing
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<SubscriptionTaskList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    func received(_ page: [SubscriptionTask], in pane: ResourcePane<SubscriptionTaskList>) {
        if page.contains(where: \.isRunning) { poll.schedule(pane, after: SyncTaskList.pollInterval) }
    }

    func close() {
        poll.cancel()
    }

    func actions(in pane: ResourcePane<SubscriptionTaskList>) -> [ConsoleAction] { [.back, .filter, .refresh] }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<SubscriptionTaskList>) -> Bool { false }

    /// The selected run's message, red when it failed.
    func header(in pane: ResourcePane<SubscriptionTaskList>) -> StyledLine? {
        guard let task = pane.selected else { return nil }
        let text = task.message.flatMap { $0.isEmpty ? nil : $0 } ?? "\(task.upstreamPath) → \(task.repository)"
        return StyledLine(text, task.failed ? .error : .muted)
    }

    func columns(in pane: ResourcePane<SubscriptionTaskList>, theme: Theme) -> [TableColumn<SubscriptionTask>] {
        let (catalog, context) = (context.catalog, context)
        return [
            TableColumn(catalog[.columnStatus], width: .fit(min: 6, max: 12), style: { theme[Self.role(of: $0)] }) {
                Self.status($0, catalog)
            },
            TableColumn(catalog[.columnResult], width: .fit(min: 6, max: 10)) { task in
                task.result.map { Self.result($0, catalog) } ?? "-"
            },
            TableColumn(catalog[.columnUpstream], width: .flexible(min: 14)) { $0.upstreamPath },
            TableColumn(catalog[.columnTarget], width: .flexible(min: 10)) { $0.repository },
            TableColumn(catalog[.columnPulled], width: .fit(min: 7, max: 10), alignRight: true) {
                "\($0.pulledTags.map(String.init) ?? "-")/\($0.matchedTags.map(String.init) ?? "-")"
            },
            TableColumn(catalog[.columnStarted], width: .fit(min: 8, max: 12)) { context.relativeTime($0.started) },
            TableColumn(catalog[.columnDuration], width: .fit(min: 8, max: 10), alignRight: true) { task in
                guard let started = task.started, let ended = task.ended else { return "-" }
                return catalog.duration(ended.timeIntervalSince(started))
            },
        ]
    }

    /// `running`, `completed`, or the server's word.
    private static func status(_ task: SubscriptionTask, _ catalog: Catalog) -> String {
        if task.isRunning { return catalog[.syncSynchronizing] }
        return task.status.uppercased() == "COMPLETED" ? catalog[.subscriptionCompleted] : task.status
    }

    /// `success`, `failed`, or the server's word.
    private static func result(_ result: String, _ catalog: Catalog) -> String {
        switch result.uppercased() {
        case "SUCCESS": catalog[.syncSuccess]
        case "FAILED", "FAILURE", "ERROR": catalog[.syncFailed]
        default: result
        }
    }

    private static func role(of task: SubscriptionTask) -> ThemeRole {
        task.isRunning ? .warning : task.failed ? .error : task.result?.uppercased() == "SUCCESS" ? .ok : .muted
    }
}
