import RegistryClient
import TerminalUI

/// The event-center rules of an instance (ACR). ACR lists rules by name only: the type and channel
/// come from recent records, the scope is not reported ("-" where unknown). Rules are created in
/// the ACR console; here enter or `e` overwrites one with every field, ctrl-d deletes one.
@MainActor
final class EventRuleList: ResourceKind {
    typealias Row = EventRule

    unowned let context: any PaneContext
    let instance: Instance
    /// The provider, when it has an event center.
    private var center: (any EventCenter)?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance) {
        self.context = context
        self.instance = instance
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.eventRules] }
    var title: String { "\(context.catalog[.eventRules]) · \(instance.name) · \(context.catalog[.createdInACR])" }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.eventRules]] : context.catalog[.emptyEventRules]
    }

    func rows(in pane: ResourcePane<EventRuleList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance) = (context.session, instance)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any EventCenter else { return }
            continuation.yield(try await provider.eventRules())
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: Row) -> [String] { [row.name, row.type ?? "", row.channel ?? ""] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<EventRuleList>) {
        center = provider as? any EventCenter
        isUnsupported = center == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<EventRuleList>) -> Bool {
        change == .delivery(instance: instance.name)
    }

    func actions(in pane: ResourcePane<EventRuleList>) -> [ConsoleAction] {
        (center != nil && !context.isReadOnly(instance) ? [.edit, .delete] : []) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<EventRuleList>) -> Bool {
        guard let center else { return false }
        let flow = EventRuleEditFlow(context: context, provider: center)
        return flow.perform(action == .open ? .edit : action, selected: pane.selected)
    }

    func columns(in pane: ResourcePane<EventRuleList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 32)) { $0.name },
            TableColumn(catalog[.columnType], width: .flexible(min: 12)) { $0.type ?? "-" },
            TableColumn(catalog[.columnScope], width: .fit(min: 6, max: 12)) { row in
                row.scope.flatMap(EventRuleSettings.Scope.init(rawValue:)).map(catalog.eventScope) ?? "-"
            },
            TableColumn(catalog[.columnChannel], width: .fit(min: 6, max: 16)) { $0.channel ?? "-" },
        ]
    }
}

extension Catalog {
    /// An event rule's scope in words: `instance`, `namespace`, `repository`.
    func eventScope(_ scope: EventRuleSettings.Scope) -> String {
        switch scope {
        case .instance: self[.scopeInstance]
        case .namespace: self[.scopeNamespace]
        case .repository: self[.scopeRepository]
        }
    }
}
