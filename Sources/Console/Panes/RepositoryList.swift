import RegistryClient
import TerminalUI

/// The repositories of an instance, or of one namespace. Where the provider manages repositories
/// (ACR), `n`, `e` and ctrl-d create, edit and delete them; `z` opens the sync rules covering
/// a repository where the provider replicates.
@MainActor
final class RepositoryList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    /// The namespace shown, or nil for all.
    let namespace: String?
    /// The provider, when it manages repositories.
    private var manager: (any RepositoryManaging)?
    /// Whether the provider has triggers (`t`).
    private var offersTriggers = false
    /// Whether the provider builds images (ACR): `b` opens a repository's builds.
    private var builds = false
    /// Whether the provider replicates (ACR): `z` opens the sync rules covering a repository.
    private var replicates = false

    init(context: any PaneContext, instance: Instance, namespace: String?) {
        self.context = context
        self.instance = instance
        self.namespace = namespace
    }

    var owningInstance: Instance? { instance }
    var crumb: String { namespace.map { $0.isEmpty ? context.catalog[.rootNamespace] : $0 } ?? "*" }
    var title: String { "\(context.catalog[.repositories]) · \(instance.name)/\(namespace ?? "*")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace) }
    var emptyText: String { context.catalog[.emptyRepositories] }

    func rows(in pane: ResourcePane<RepositoryList>) -> AsyncThrowingStream<[Repository], any Error> {
        let namespace = namespace
        return context.pages(of: instance.name) { $0.repositories(namespace: namespace) }
    }

    func order(_ rows: [Repository]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: Repository) -> [String] { [row.name] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<RepositoryList>) {
        manager = provider as? any RepositoryManaging
        offersTriggers = provider is any TriggerManaging
        builds = provider is any BuildManaging
        replicates = provider is any Replicating
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<RepositoryList>) -> Bool {
        switch change {
        case .repositories(_, let changed): changed == nil || namespace == nil || changed == namespace
        case .namespaces: true
        default: false
        }
    }

    func actions(in pane: ResourcePane<RepositoryList>) -> [ConsoleAction] {
        [.open] + (offersTriggers ? [.triggers] : []) + (builds ? [.build] : []) + (replicates ? [.sync] : [])
            + (manager != nil && !context.isReadOnly(instance) ? RepositoryEditFlow.actions : []) + [
                .back, .filter, .command, .refresh,
            ]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<RepositoryList>) -> Bool {
        if let manager {
            let prefill = namespace.flatMap { $0.isEmpty ? nil : $0 }
            if RepositoryEditFlow(context: context, provider: manager, namespace: prefill).perform(
                action, selected: pane.selected)
            {
                return true
            }
        }
        guard let repository = pane.selected?.name else { return false }
        switch action {
        case .open: context.push(ResourcePane(TagList(context: context, instance: instance, repository: repository)))
        case .build:
            context.push(ResourcePane(BuildRecordList(context: context, instance: instance, repository: repository)))
        case .sync where replicates:
            context.push(
                ResourcePane(SyncRuleList(context: context, instance: instance, repository: repository)))
        case .triggers where offersTriggers:
            context.push(ResourcePane(TriggerList(context: context, instance: instance, repository: repository)))
        default: return false
        }
        return true
    }

    func columns(in pane: ResourcePane<RepositoryList>, theme: Theme) -> [TableColumn<Repository>] {
        let catalog = context.catalog
        let rows = pane.list.items
        var columns: [TableColumn<Repository>] = [
            TableColumn(catalog[.columnRepository], width: .flexible(min: 16)) { $0.name }
        ]
        // Only repositories that are server objects (ACR) carry a summary and a visibility.
        if rows.contains(where: { $0.summary != nil }) {
            columns.append(TableColumn(catalog[.columnSummary], width: .fit(min: 8, max: 40)) { $0.summary ?? "" })
        }
        if rows.contains(where: { $0.visibility != nil }) {
            columns.append(
                TableColumn(catalog[.columnVisibility], width: .fit(min: 6, max: 12)) {
                    $0.visibility.map(catalog.visibility) ?? "-"
                })
        }
        // Plain registries report neither; show the columns only when the provider does.
        if rows.contains(where: { $0.tagCount != nil }) {
            columns.append(
                TableColumn(catalog[.columnTags], width: .fit(min: 5, max: 8), alignRight: true) {
                    $0.tagCount.map(String.init) ?? "-"
                })
        }
        if rows.contains(where: { $0.updated != nil }) {
            columns.append(
                TableColumn(catalog[.columnCreated], width: .fit(min: 8, max: 14)) { [context] in
                    context.relativeTime($0.updated)
                })
        }
        return columns
    }
}
