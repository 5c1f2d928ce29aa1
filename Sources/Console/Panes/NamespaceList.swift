import RegistryClient
import TerminalUI

/// The namespaces of one instance, with repository counts growing as catalog pages arrive. Where
/// the provider manages namespaces (ACR), `n`, `e` and ctrl-d create, edit and delete them.
@MainActor
final class NamespaceList: ResourceKind {
    unowned let context: any PaneContext
    let instance: Instance
    /// The provider, when it manages namespaces.
    private var manager: (any NamespaceManaging)?

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { instance.name }
    var title: String { "\(context.catalog[.namespaces]) · \(instance.name)" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String { context.catalog[.emptyNamespaces] }

    func rows(in pane: ResourcePane<NamespaceList>) -> AsyncThrowingStream<[Namespace], any Error> {
        context.pages(of: instance.name) { $0.namespaces() }
    }

    func order(_ rows: [Namespace]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: Namespace) -> [String] { [row.name] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<NamespaceList>) {
        manager = provider as? any NamespaceManaging
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<NamespaceList>) -> Bool {
        switch change {
        case .namespaces, .repositories: true
        default: false
        }
    }

    func actions(in pane: ResourcePane<NamespaceList>) -> [ConsoleAction] {
        [.open] + (manager != nil && !context.isReadOnly(instance) ? NamespaceEditFlow.actions : []) + [
            .back, .filter, .command, .refresh,
        ]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<NamespaceList>) -> Bool {
        if let manager, NamespaceEditFlow(context: context, provider: manager).perform(action, selected: pane.selected)
        {
            return true
        }
        guard action == .open, let namespace = pane.selected else { return false }
        context.push(ResourcePane(RepositoryList(context: context, instance: instance, namespace: namespace.name)))
        return true
    }

    func columns(in pane: ResourcePane<NamespaceList>, theme: Theme) -> [TableColumn<Namespace>] {
        let catalog = context.catalog
        let rows = pane.list.items
        var columns: [TableColumn<Namespace>] = [
            TableColumn(catalog[.columnNamespace], width: .flexible(min: 12)) {
                $0.name.isEmpty ? catalog[.rootNamespace] : $0.name
            }
        ]
        // Counts come from a catalog (plain registries); ACR's namespace lists carry none.
        if rows.contains(where: { $0.repositoryCount != nil }) {
            columns.append(
                TableColumn(catalog[.columnRepositories], width: .fit(min: 6, max: 10), alignRight: true) {
                    $0.repositoryCount.map(String.init) ?? "-"
                })
        }
        // Only namespaces that are server objects (ACR) have settings; plain registries show none.
        if rows.contains(where: { $0.visibility != nil }) {
            columns.append(
                TableColumn(catalog[.columnVisibility], width: .fit(min: 6, max: 12)) {
                    $0.visibility.map(catalog.visibility) ?? "-"
                })
        }
        if rows.contains(where: { $0.autoCreateRepositories != nil }) {
            columns.append(
                TableColumn(catalog[.columnAutoCreate], width: .fit(min: 4, max: 12)) { row in
                    row.autoCreateRepositories.map { catalog[$0 ? .yes : .no] } ?? "-"
                })
        }
        // Registries with project quotas (Harbor) count what each namespace stores.
        if rows.contains(where: { $0.storageUsed != nil }) {
            columns.append(
                TableColumn(catalog[.columnStorage], width: .fit(min: 8, max: 24), alignRight: true) { row in
                    guard let used = row.storageUsed.map(ByteCount.format) else { return "-" }
                    return row.storageLimit.map { "\(used) / \(ByteCount.format($0))" }
                        ?? catalog[.storageUnlimited, used]
                })
        }
        return columns
    }
}
