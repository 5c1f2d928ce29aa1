import RegistryClient
import TerminalUI

/// The first pane: every configured instance (each ACR instance of an `acr` entry, with its id,
/// specification, state and where its AccessKey came from) and every registry from the docker
/// config, with a live status from probing each one.
@MainActor
final class InstanceList: ResourceKind {
    struct Row: Identifiable, Sendable {
        var instance: Instance
        /// `ok`, or the code of the error the probe met; nil while probing.
        var status: String?
        var id: String { instance.name }
    }

    unowned let context: any PaneContext
    private let instances: [Instance]

    init(context: any PaneContext, instances: [Instance]) {
        self.context = context
        self.instances = instances
    }

    var owningInstance: Instance? { nil }
    var crumb: String { context.catalog[.instances] }
    var title: String { context.catalog[.instances] }
    var location: ViewLocation { ViewLocation() }
    var emptyText: String { context.catalog[.emptyInstances, context.configPath] }

    func searchFields(of row: Row) -> [String] {
        [
            row.instance.name, row.instance.kind.rawValue, row.instance.url?.absoluteString ?? "",
            row.instance.region ?? "",
        ]
    }

    func actions(in pane: ResourcePane<InstanceList>) -> [ConsoleAction] { [.open, .filter, .command, .refresh] }

    /// The instances at once, then each again with its status as its probe answers.
    func rows(in pane: ResourcePane<InstanceList>) -> AsyncThrowingStream<[Row], any Error> {
        let instances = instances
        let session = context.session
        let ok = context.catalog[.statusOK]
        return .producing { continuation in
            continuation.yield(instances.map { Row(instance: $0) })
            await withTaskGroup(of: Row?.self) { group in
                for instance in instances {
                    group.addTask {
                        do {
                            try await session.provider(for: instance.name).probe()
                            return Row(instance: instance, status: ok)
                        } catch {
                            return Task.isCancelled
                                ? nil : Row(instance: instance, status: RegistryError(wrapping: error).code.rawValue)
                        }
                    }
                }
                for await row in group {
                    if let row { continuation.yield([row]) }
                }
            }
        }
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<InstanceList>) -> Bool {
        guard action == .open, let row = pane.selected else { return false }
        if let reason = row.instance.unavailableReason {
            context.showFlash(context.catalog[.instanceUnavailable, row.instance.name, reason], error: true)
            return true
        }
        context.push(ResourcePane(NamespaceList(context: context, instance: row.instance)))
        return true
    }

    /// The probe's verdict; an ACR instance that is not running says its state instead of "ok".
    private func status(of row: Row) -> String {
        let catalog = context.catalog
        guard let status = row.status else { return catalog[.statusChecking] }
        if status == catalog[.statusOK], let state = row.instance.state, state != "RUNNING" { return state }
        return status
    }

    func columns(in pane: ResourcePane<InstanceList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        // Instances a cloud API lists (ACR) have an id, a specification and a credential source.
        let listed = pane.list.items.contains { $0.instance.serverID != nil || $0.instance.credentialSource != nil }
        let name = TableColumn<Row>(catalog[.columnName], width: .fit(min: 8, max: 32)) { $0.instance.name }
        let kind = TableColumn<Row>(catalog[.columnKind], width: .fit(min: 4, max: 12)) { $0.instance.kind.rawValue }
        let address = TableColumn<Row>(catalog[listed ? .columnCredentials : .columnURL], width: .flexible(min: 12)) {
            row in
            if let url = row.instance.url { return url.absoluteString }
            return row.instance.credentialSource.map { catalog[.credentialsFrom, $0] } ?? "-"
        }
        let region = TableColumn<Row>(catalog[.columnRegion], width: .fit(min: 6, max: 16)) {
            $0.instance.region ?? "-"
        }
        let status = TableColumn<Row>(
            catalog[.columnStatus], width: .fit(min: 8, max: 16),
            style: { row in
                row.status == catalog[.statusOK] ? theme[.ok] : (row.status == nil ? theme[.muted] : theme[.error])
            }
        ) { [unowned self] in self.status(of: $0) }
        let flags = TableColumn<Row>(catalog[.columnFlags], width: .fit(min: 5, max: 30)) { [unowned self] row in
            self.flags(of: row.instance).joined(separator: ",")
        }
        guard listed else { return [name, kind, address, region, status, flags] }
        let id = TableColumn<Row>(catalog[.columnInstanceID], width: .fit(min: 4, max: 24)) {
            $0.instance.serverID ?? ""
        }
        let specification = TableColumn<Row>(catalog[.columnSpecification], width: .fit(min: 4, max: 20)) {
            $0.instance.isACRPersonal ? catalog[.specificationPersonal] : $0.instance.specification ?? ""
        }
        // A narrow terminal cuts the rightmost columns first: what an instance is and whether it
        // answers come before where its key comes from.
        return [name, kind, specification, status, region, id, address, flags]
    }

    private func flags(of instance: Instance) -> [String] {
        let catalog = context.catalog
        var flags: [String] = []
        if instance.production { flags.append(catalog[.flagProduction]) }
        if context.isReadOnly(instance) { flags.append(catalog[.flagReadOnly]) }
        if instance.insecure { flags.append(catalog[.flagInsecure]) }
        if instance.origin != .config { flags.append(instance.origin.rawValue) }
        return flags
    }
}
