import RegistryClient
import TerminalUI

/// The artifact subscriptions of an instance (ACR): the upstream repository, the tags pulled (a
/// pattern and how many of the newest), the platforms, and where they land. `n` creates one, enter
/// or `e` edits one, ctrl-d deletes one, `!` runs one now, `o` lists the runs.
@MainActor
final class SubscriptionRuleList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    private var subscriber: (any Subscribing)?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.subscriptionRules] }
    var title: String { "\(context.catalog[.subscriptionRules]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.subscriptionRules]]
            : context.catalog[.emptySubscriptionRules]
    }

    func rows(in pane: ResourcePane<SubscriptionRuleList>) -> AsyncThrowingStream<[SubscriptionRule], any Error> {
        let (session, instance) = (context.session, instance)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any Subscribing else { return }
            continuation.yield(try await provider.subscriptionRules())
        }
    }

    func order(_ rows: [SubscriptionRule]) -> [Int] {
        rows.indices.sorted { rows[$0].upstreamPath < rows[$1].upstreamPath }
    }

    func searchFields(of row: SubscriptionRule) -> [String] {
        [row.upstreamPath, "\(row.namespace)/\(row.repository)", row.tagPattern]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<SubscriptionRuleList>) {
        subscriber = provider as? any Subscribing
        isUnsupported = subscriber == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<SubscriptionRuleList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    func actions(in pane: ResourcePane<SubscriptionRuleList>) -> [ConsoleAction] {
        guard subscriber != nil else { return [.back, .command, .refresh] }
        let changes: [ConsoleAction] = context.isReadOnly(instance) ? [] : [.create, .edit, .delete, .run]
        return [.tasks] + changes + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<SubscriptionRuleList>) -> Bool {
        guard let subscriber else { return false }
        let flow = SubscriptionFlow(context: context, provider: subscriber)
        switch action {
        case .create, .edit, .delete:
            return flow.perform(action, selected: pane.selected)
        case .open:
            return flow.perform(.edit, selected: pane.selected)
        case .run:
            guard context.requireWritable(instance), let rule = pane.selected else { return true }
            flow.runNow(rule)
        case .tasks:
            context.push(ResourcePane(SubscriptionTaskList(context: context, instance: instance)))
        default:
            return false
        }
        return true
    }

    func columns(in pane: ResourcePane<SubscriptionRuleList>, theme: Theme) -> [TableColumn<SubscriptionRule>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnUpstream], width: .flexible(min: 16)) { $0.upstreamPath },
            TableColumn(catalog[.columnMatchTags], width: .fit(min: 4, max: 20)) { $0.tagPattern },
            TableColumn(catalog[.columnCount], width: .fit(min: 5, max: 6), alignRight: true) { String($0.tagCount) },
            TableColumn(catalog[.columnPlatforms], width: .fit(min: 9, max: 28)) {
                $0.platforms.joined(separator: " ")
            },
            TableColumn(catalog[.columnTarget], width: .flexible(min: 12)) { "\($0.namespace)/\($0.repository)" },
            TableColumn(catalog[.columnOverwrite], width: .fit(min: 4, max: 10)) { catalog[$0.overwrite ? .yes : .no] },
        ]
    }
}
