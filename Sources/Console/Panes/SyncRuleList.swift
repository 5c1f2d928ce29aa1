import RegistryClient
import TerminalUI

/// The sync rules of an instance (ACR replication), those covering a namespace or repository when
/// opened from one: name, what they cover, when they copy and where to. `n` creates a rule, ctrl-d
/// deletes one, `!` runs one now; enter lists a rule's tasks and `o` every task, `D` the drift
/// between the repository and the rule's replica, `U` the artifact subscriptions. A provider
/// without replication says it needs ACR Enterprise.
@MainActor
final class SyncRuleList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    let namespace: String?
    /// `namespace/name`, when the pane lists the rules covering one repository.
    let repository: String?
    /// The provider, when it replicates.
    private var replicator: (any Replicating)?
    private var isUnsupported = false
    /// Instance names by server id, for the targets.
    private var replicaNames = ReplicaNames()
    private var namesRead: Task<Void, Never>?

    init(context: any PaneContext, instance: Instance, namespace: String? = nil, repository: String? = nil) {
        self.context = context
        self.instance = instance
        self.namespace = repository.map(Namespace.of(repository:)) ?? namespace
        self.repository = repository
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.syncRules] }
    var title: String {
        "\(context.catalog[.syncRules]) · \(instance.name)" + ((repository ?? namespace).map { "/\($0)" } ?? "")
    }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace, repository: repository) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.syncRules]] : context.catalog[.emptySyncRules]
    }

    func rows(in pane: ResourcePane<SyncRuleList>) -> AsyncThrowingStream<[SyncRule], any Error> {
        let (session, instance, namespace, repository) = (context.session, instance, namespace, repository)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any Replicating else { return }
            continuation.yield(try await provider.syncRules(namespace: namespace, repository: repository))
        }
    }

    func order(_ rows: [SyncRule]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: SyncRule) -> [String] {
        [row.name, row.repositoryFilterSummary, row.target.description, row.tagFilter]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<SyncRuleList>) {
        replicator = provider as? any Replicating
        isUnsupported = replicator == nil
        guard replicator != nil else { return }
        namesRead = Task { [weak self, session = context.session] in
            let names = await ReplicaNames.load(from: session)
            guard let self else { return }
            self.replicaNames = names
            self.context.requestDisplay()
        }
    }

    func close() { namesRead?.cancel() }

    func settle() async { await namesRead?.value }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<SyncRuleList>) -> Bool {
        change == .replication(instance: instance.name)
    }

    func actions(in pane: ResourcePane<SyncRuleList>) -> [ConsoleAction] {
        guard replicator != nil else { return [.back, .command, .refresh] }
        let changes: [ConsoleAction] = context.isReadOnly(instance) ? [] : [.create, .delete, .run]
        return [.open, .tasks] + changes + [.drift, .subscriptions, .back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<SyncRuleList>) -> Bool {
        guard let replicator else { return false }
        let flow = SyncRuleFlow(context: context, provider: replicator, namespace: namespace, repository: repository)
        switch action {
        case .create, .delete, .edit:
            return flow.perform(action, selected: pane.selected)
        case .run:
            guard context.requireWritable(instance), let rule = pane.selected else { return true }
            flow.runNow(rule)
        case .tasks:
            context.push(ResourcePane(SyncTaskList(context: context, instance: instance, repository: repository)))
        case .open:
            guard let rule = pane.selected else { return true }
            context.push(
                ResourcePane(SyncTaskList(context: context, instance: instance, repository: repository, rule: rule)))
        case .drift:
            guard let rule = pane.selected else { return true }
            guard let repository else {
                context.showFlash(context.catalog[.driftNeedsRepository], error: true)
                return true
            }
            DriftList.openReplica(context: context, instance: instance, repository: repository, rule: rule)
        case .subscriptions:
            context.push(ResourcePane(SubscriptionRuleList(context: context, instance: instance)))
        default:
            return false
        }
        return true
    }

    func columns(in pane: ResourcePane<SyncRuleList>, theme: Theme) -> [TableColumn<SyncRule>] {
        let (catalog, replicaNames) = (context.catalog, replicaNames)
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 24)) { $0.name },
            TableColumn(catalog[.columnScope], width: .fit(min: 6, max: 10)) { catalog.syncScope($0.scope) },
            TableColumn(catalog[.columnSyncRepositories], width: .fit(min: 8, max: 32)) { $0.repositoryFilterSummary },
            TableColumn(catalog[.columnMatchTags], width: .fit(min: 4, max: 16)) { $0.tagFilter },
            TableColumn(catalog[.columnSyncTrigger], width: .fit(min: 6, max: 10)) { catalog.syncTrigger($0.trigger) },
            TableColumn(catalog[.columnTarget], width: .flexible(min: 16)) { replicaNames.label($0.target) },
        ]
    }
}

extension Catalog {
    /// A rule's scope in words: `repository`, `namespace`, `instance`.
    func syncScope(_ scope: SyncRule.Scope) -> String {
        switch scope {
        case .repository: self[.scopeRepository]
        case .namespace: self[.scopeNamespace]
        case .instance: self[.scopeInstance]
        }
    }

    /// When a rule copies: `automatic` (on push) or `manual`.
    func syncTrigger(_ trigger: SyncRule.Trigger) -> String {
        self[trigger == .automatic ? .syncAutomatic : .syncManual]
    }
}
