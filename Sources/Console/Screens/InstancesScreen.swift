import RegistryClient
import TerminalUI

/// The first pane: every configured instance (each ACR instance of an `acr` entry, with its id,
/// specification, state and where its AccessKey came from) and every registry from the docker
/// config, with a live status from probing each one.
@MainActor
final class InstancesScreen: Screen {
    struct Row: Identifiable, Sendable {
        var instance: Instance
        var status: String?
        var id: String { instance.name }
    }

    private unowned let app: ConsoleApp
    private let model: ListModel<Row>
    private var probes: [Task<Void, Never>] = []
    private var probed = false

    init(app: ConsoleApp, instances: [Instance]) {
        self.app = app
        model = ListModel(searchFields: { [$0.instance.name, $0.instance.kind.rawValue, $0.instance.url?.absoluteString ?? "", $0.instance.region ?? ""] })
        model.replace(with: instances.map { Row(instance: $0) })
    }

    var crumb: String { app.catalog[.instances] }
    var title: String { app.catalog[.instances] }
    var counter: String { model.counter(app.catalog) }
    var isBusy: Bool { !probes.isEmpty }
    var location: ViewLocation { ViewLocation() }
    var filterText: String? { model.filterText }
    var actions: [ConsoleAction] { [.open, .filter, .command, .refresh] }

    func appear() {
        guard !probed else { return }
        probed = true
        probeAll()
    }

    func close() { probes.forEach { $0.cancel() } }

    func refresh() {
        probes.forEach { $0.cancel() }
        probeAll()
    }

    private func probeAll() {
        probes = model.items.map { row in
            Task { [weak self, app] in
                let status: String
                do {
                    try await app.session.provider(for: row.instance.name).probe()
                    status = app.catalog[.statusOK]
                } catch let error as RegistryError {
                    status = error.code.rawValue
                } catch {
                    return
                }
                guard let self else { return }
                self.model.merge([Row(instance: row.instance, status: status)])
                self.probes.removeAll { $0.isCancelled }
                app.requestDisplay()
            }
        }
        Task { [weak self] in
            for probe in self?.probes ?? [] { await probe.value }
            self?.probes = []
            self?.app.requestDisplay()
        }
    }

    func settle() async {
        for probe in probes { await probe.value }
    }

    func perform(_ action: ConsoleAction) -> Bool {
        if model.navigate(action) { return true }
        guard action == .open, let row = model.selected else { return false }
        if let error = row.instance.unavailableReason {
            app.showFlash(app.catalog[.instanceUnavailable, row.instance.name, error], error: true)
            return true
        }
        app.push(NamespacesScreen(app: app, instance: row.instance))
        return true
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { model.handleMouse(event, in: rect) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) { try model.setFilter(text) }

    /// The probe's verdict; an ACR instance that is not running says its state instead of "ok".
    private static func status(of row: Row, catalog: Catalog) -> String {
        guard let status = row.status else { return catalog[.statusChecking] }
        if status == catalog[.statusOK], let state = row.instance.state, state != "RUNNING" { return state }
        return status
    }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        let catalog = app.catalog
        let hasACR = model.items.contains { $0.instance.kind == .acr }
        var columns: [TableColumn<Row>] = [
            TableColumn(catalog[.columnName], width: .fit(min: 8, max: 32)) { $0.instance.name },
            TableColumn(catalog[.columnKind], width: .fit(min: 4, max: 12)) { $0.instance.kind.rawValue },
            TableColumn(catalog[hasACR ? .columnCredentials : .columnURL], width: .flexible(min: 12)) { row in
                if let url = row.instance.url { return url.absoluteString }
                return row.instance.credentialSource.map { catalog[.credentialsFrom, $0] } ?? "-"
            },
            TableColumn(catalog[.columnRegion], width: .fit(min: 6, max: 16)) { $0.instance.region ?? "-" },
        ]
        if hasACR {
            columns += [
                TableColumn(catalog[.columnInstanceID], width: .fit(min: 4, max: 24)) { $0.instance.serverID ?? "" },
                TableColumn(catalog[.columnSpecification], width: .fit(min: 4, max: 20)) { $0.instance.specification ?? "" },
            ]
        }
        columns += [
            TableColumn(catalog[.columnStatus], width: .fit(min: 8, max: 16), style: { row in
                row.status == catalog[.statusOK] ? theme[.ok] : (row.status == nil ? theme[.muted] : theme[.error])
            }) { row in Self.status(of: row, catalog: catalog) },
            TableColumn(catalog[.columnFlags], width: .fit(min: 5, max: 30)) { row in
                var flags: [String] = []
                if row.instance.production { flags.append(catalog[.flagProduction]) }
                if self.app.isReadOnly(row.instance) { flags.append(catalog[.flagReadOnly]) }
                if row.instance.insecure { flags.append(catalog[.flagInsecure]) }
                if row.instance.origin != .config { flags.append(row.instance.origin.rawValue) }
                return flags.joined(separator: ",")
            },
        ]
        let empty = catalog[.emptyInstances, app.session.config.file ?? Config.defaultPath(environment: app.options.environment)]
        Table(columns: columns, count: model.count, emptyText: empty, row: model.item(at:)).draw(on: surface, in: rect, state: &model.state, theme: theme)
    }
}
