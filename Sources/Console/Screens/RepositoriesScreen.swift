import RegistryClient
import TerminalUI

/// The repositories of an instance, or of one namespace.
@MainActor
final class RepositoriesScreen: Screen, InstanceScoped {
    let instance: Instance
    /// The namespace shown, or nil for all.
    let namespace: String?
    private unowned let app: ConsoleApp
    private let model: ListModel<Repository>
    private var started = false

    init(app: ConsoleApp, instance: Instance, namespace: String?) {
        self.app = app
        self.instance = instance
        self.namespace = namespace
        model = ListModel(searchText: { $0.name }, order: { $0.sorted { $0.name < $1.name } })
    }

    var crumb: String { namespace.map { $0.isEmpty ? app.catalog[.rootNamespace] : $0 } ?? "*" }
    var title: String { "\(app.catalog[.repositories]) · \(instance.name)/\(namespace ?? "*")" }
    var counter: String { model.counter(app.catalog) }
    var isBusy: Bool { model.isLoading }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.open, .back, .filter, .command, .refresh] }

    func appear() {
        guard !started else { return }
        started = true
        refresh()
    }

    func refresh() {
        let namespace = namespace
        model.load(app.pages(of: instance.name) { $0.repositories(namespace: namespace) }) { [weak self] in self?.app.requestDisplay() }
    }

    func close() { model.cancel() }

    func settle() async { await model.waitForLoad() }

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        guard action == .open, let repository = model.selected else { return false }
        app.push(TagsScreen(app: app, instance: instance, repository: repository.name, select: nil))
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        var columns: [TableColumn<Repository>] = [TableColumn(catalog[.columnRepository], width: .flexible(min: 16)) { $0.name }]
        // Plain registries report neither; show the columns only when the provider does.
        if model.items.contains(where: { $0.tagCount != nil }) {
            columns.append(TableColumn(catalog[.columnTags], width: .fit(min: 5, max: 8), alignRight: true) { $0.tagCount.map(String.init) ?? "-" })
        }
        if model.items.contains(where: { $0.updated != nil }) {
            columns.append(TableColumn(catalog[.columnCreated], width: .fit(min: 8, max: 14)) { [app] in app.relativeTime($0.updated) })
        }
        Table(columns: columns, count: model.count, emptyText: model.emptyText(catalog, empty: catalog[.emptyRepositories]), row: model.item(at:))
            .draw(on: surface, in: rect, state: &model.state, theme: theme)
    }
}
