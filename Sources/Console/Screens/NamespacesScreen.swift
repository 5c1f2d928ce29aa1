import RegistryClient
import TerminalUI

/// The namespaces of one instance, with repository counts growing as catalog pages arrive. Where
/// the provider manages namespaces (ACR), `n`, `e` and ctrl-d create, edit and delete them.
@MainActor
final class NamespacesScreen: Screen, InstanceScoped {
    let instance: Instance
    private unowned let app: ConsoleApp
    private let model: ListModel<Namespace>
    private var started = false
    /// The provider, when it manages namespaces; found once on the first appearance.
    private var manager: (any NamespaceManaging)?
    private var lookup: Task<Void, Never>?

    init(app: ConsoleApp, instance: Instance) {
        self.app = app
        self.instance = instance
        model = ListModel(searchFields: { [$0.name] }, order: { $0.sorted { $0.name < $1.name } })
    }

    var crumb: String { instance.name }
    var title: String { "\(app.catalog[.namespaces]) · \(instance.name)" }
    var counter: String { model.counter(app.catalog) }
    var isBusy: Bool { model.isLoading }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] {
        let managing = manager != nil && !app.isReadOnly(instance) ? NamespaceEditFlow.actions : []
        return [.open] + managing + [.back, .filter, .command, .refresh]
    }

    func appear() {
        guard !started else { return }
        started = true
        lookup = app.lookUpProvider(of: instance) { [weak self] in self?.manager = $0 as? any NamespaceManaging }
        load()
    }

    func refresh() { load() }

    func close() { model.cancel() }

    func settle() async {
        await lookup?.value
        await model.waitForLoad()
    }

    private func load() {
        model.load(app.pages(of: instance.name) { $0.namespaces() }) { [weak self] in self?.app.requestDisplay() }
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        if let manager {
            let flow = NamespaceEditFlow(app: app, provider: manager) { [weak self] removed in self?.changed(removing: removed) }
            if flow.perform(action, selected: model.selected) { return true }
        }
        guard action == .open, let namespace = model.selected else { return false }
        app.push(RepositoriesScreen(app: app, instance: instance, namespace: namespace.name))
        return true
    }

    /// Reloads after a change; a deleted namespace leaves at once (loading only adds and updates rows).
    private func changed(removing removed: String?) {
        if let removed { model.replace(with: model.items.filter { $0.id != removed }) }
        load()
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        var columns: [TableColumn<Namespace>] = [
            TableColumn(catalog[.columnNamespace], width: .flexible(min: 12)) { $0.name.isEmpty ? catalog[.rootNamespace] : $0.name },
            TableColumn(catalog[.columnRepositories], width: .fit(min: 6, max: 10), alignRight: true) { $0.repositoryCount.map(String.init) ?? "-" },
        ]
        // Only namespaces that are server objects (ACR) have settings; plain registries show none.
        if model.items.contains(where: { $0.visibility != nil }) {
            columns.append(TableColumn(catalog[.columnVisibility], width: .fit(min: 6, max: 12)) { row in
                row.visibility.map(catalog.visibility) ?? "-"
            })
        }
        if model.items.contains(where: { $0.autoCreateRepositories != nil }) {
            columns.append(TableColumn(catalog[.columnAutoCreate], width: .fit(min: 4, max: 12)) { row in
                row.autoCreateRepositories.map { catalog[$0 ? .yes : .no] } ?? "-"
            })
        }
        Table(columns: columns, count: model.count, emptyText: model.emptyText(catalog, empty: catalog[.emptyNamespaces]), row: model.item(at:))
            .draw(on: surface, in: rect, state: &model.state, theme: theme)
    }
}
