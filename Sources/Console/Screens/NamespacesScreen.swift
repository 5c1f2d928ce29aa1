import RegistryClient
import TerminalUI

/// The namespaces of one instance, with repository counts growing as catalog pages arrive.
@MainActor
final class NamespacesScreen: Screen, InstanceScoped {
    let instance: Instance
    private unowned let app: ConsoleApp
    private let model: ListModel<Namespace>
    private var started = false

    init(app: ConsoleApp, instance: Instance) {
        self.app = app
        self.instance = instance
        model = ListModel(searchText: { $0.name }, order: { $0.sorted { $0.name < $1.name } })
    }

    var crumb: String { instance.name }
    var title: String { "\(app.catalog[.namespaces]) · \(instance.name)" }
    var counter: String { model.counter(app.catalog) }
    var isBusy: Bool { model.isLoading }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.open, .back, .filter, .command, .refresh] }

    func appear() {
        guard !started else { return }
        started = true
        load()
    }

    func refresh() { load() }

    func close() { model.cancel() }

    func settle() async { await model.waitForLoad() }

    private func load() {
        model.load(app.pages(of: instance.name) { $0.namespaces() }) { [weak self] in self?.app.requestDisplay() }
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        guard action == .open, let namespace = model.selected else { return false }
        app.push(RepositoriesScreen(app: app, instance: instance, namespace: namespace.name))
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        let columns: [TableColumn<Namespace>] = [
            TableColumn(catalog[.columnNamespace], width: .flexible(min: 12)) { $0.name.isEmpty ? catalog[.rootNamespace] : $0.name },
            TableColumn(catalog[.columnRepositories], width: .fit(min: 6, max: 10), alignRight: true) { $0.repositoryCount.map(String.init) ?? "-" },
        ]
        Table(columns: columns, count: model.count, emptyText: model.emptyText(catalog, empty: catalog[.emptyNamespaces]), row: model.item(at:))
            .draw(on: surface, in: rect, state: &model.state, theme: theme)
    }
}
