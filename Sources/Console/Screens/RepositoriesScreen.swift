import RegistryClient
import TerminalUI

/// The repositories of an instance, or of one namespace. Where the provider manages repositories
/// (ACR), `n`, `e` and ctrl-d create, edit and delete them.
@MainActor
final class RepositoriesScreen: Screen, InstanceScoped {
    let instance: Instance
    /// The namespace shown, or nil for all.
    let namespace: String?
    private unowned let app: ConsoleApp
    private let model: ListModel<Repository>
    private var started = false
    /// The provider, when it manages repositories; found once on the first appearance.
    private var manager: (any RepositoryManaging)?
    private var lookup: Task<Void, Never>?

    init(app: ConsoleApp, instance: Instance, namespace: String?) {
        self.app = app
        self.instance = instance
        self.namespace = namespace
        model = ListModel(searchFields: { [$0.name] }, order: { $0.sorted { $0.name < $1.name } })
    }

    var crumb: String { namespace.map { $0.isEmpty ? app.catalog[.rootNamespace] : $0 } ?? "*" }
    var title: String { "\(app.catalog[.repositories]) · \(instance.name)/\(namespace ?? "*")" }
    var counter: String { model.counter(app.catalog) }
    var isBusy: Bool { model.isLoading }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace) }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] {
        let managing = manager != nil && !app.isReadOnly(instance) ? RepositoryEditFlow.actions : []
        return [.open] + managing + [.back, .filter, .command, .refresh]
    }

    func appear() {
        guard !started else { return }
        started = true
        lookup = app.lookUpProvider(of: instance) { [weak self] in self?.manager = $0 as? any RepositoryManaging }
        refresh()
    }

    func refresh() {
        let namespace = namespace
        model.load(app.pages(of: instance.name) { $0.repositories(namespace: namespace) }) { [weak self] in self?.app.requestDisplay() }
    }

    func close() { model.cancel() }

    func settle() async {
        await lookup?.value
        await model.waitForLoad()
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        if let manager {
            let prefill = namespace.flatMap { $0.isEmpty ? nil : $0 }
            let flow = RepositoryEditFlow(app: app, provider: manager, namespace: prefill) { [weak self] removed in self?.changed(removing: removed) }
            if flow.perform(action, selected: model.selected) { return true }
        }
        guard action == .open, let repository = model.selected else { return false }
        app.push(TagsScreen(app: app, instance: instance, repository: repository.name, select: nil))
        return true
    }

    /// Reloads after a change; a deleted repository leaves at once (loading only adds and updates rows).
    private func changed(removing removed: String?) {
        if let removed { model.replace(with: model.items.filter { $0.id != removed }) }
        refresh()
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        var columns: [TableColumn<Repository>] = [TableColumn(catalog[.columnRepository], width: .flexible(min: 16)) { $0.name }]
        // Only repositories that are server objects (ACR) carry a summary and a visibility.
        if model.items.contains(where: { $0.summary != nil }) {
            columns.append(TableColumn(catalog[.columnSummary], width: .fit(min: 8, max: 40)) { $0.summary ?? "" })
        }
        if model.items.contains(where: { $0.visibility != nil }) {
            columns.append(TableColumn(catalog[.columnVisibility], width: .fit(min: 6, max: 12)) { row in
                row.visibility.map(catalog.visibility) ?? "-"
            })
        }
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
