import RegistryClient
import TerminalUI

/// `:chains`: an instance's delivery chains (ACR) with their steps as one pipeline line. Enter
/// opens a chain's runs. Chains are read-only here: their configuration format cannot be verified
/// against ACR, so they are created and edited in the ACR console (`n` and `e` say so).
@MainActor
final class ChainList: ResourceKind {
    typealias Row = DeliveryChain

    unowned let context: any PaneContext
    let instance: Instance
    /// Only chains over this namespace (or its repositories), when set.
    let namespace: String?
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance, namespace: String?) {
        self.context = context
        self.instance = instance
        self.namespace = namespace
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.deliveryChains] }
    var title: String {
        "\(context.catalog[.deliveryChains]) · \(instance.name)/\(namespace ?? "*") · \(context.catalog[.readOnlyHere])"
    }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.deliveryChains]] : context.catalog[.emptyChains]
    }

    /// The chains with their steps.
    func rows(in pane: ResourcePane<ChainList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, namespace) = (context.session, instance, namespace)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any DeliveryChains else { return }
            let chains = try await provider.chains(repository: nil).filter { chain in
                namespace.map { chain.namespace == $0 } ?? true
            }
            continuation.yield(chains)
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: Row) -> [String] { [row.name, row.repository ?? row.namespace ?? ""] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<ChainList>) {
        isUnsupported = !(provider is any DeliveryChains)
    }

    func actions(in pane: ResourcePane<ChainList>) -> [ConsoleAction] {
        (isUnsupported ? [] : [.open]) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<ChainList>) -> Bool {
        guard !isUnsupported else { return false }
        switch action {
        case .open:
            guard let chain = pane.selected else { return true }
            context.push(ResourcePane(ChainRunList(context: context, instance: instance, chain: chain)))
        case .create, .edit, .delete:
            context.showFlash(context.catalog[.chainsEditedInACR], error: true)
        default:
            return false
        }
        return true
    }

    func columns(in pane: ResourcePane<ChainList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 24)) { $0.name },
            TableColumn(catalog[.columnScope], width: .fit(min: 6, max: 32)) { $0.scopeText },
            TableColumn(catalog[.columnSteps], width: .flexible(min: 16)) { $0.pipelineText ?? "…" },
            TableColumn(catalog[.columnModified], width: .fit(min: 8, max: 12)) { [context] in
                context.relativeTime($0.modified)
            },
        ]
    }
}

extension DeliveryChain {
    /// The repository or namespace the chain covers (`ns/app`, `ns`), else the server's scope id.
    var scopeText: String { repository ?? namespace ?? scopeID ?? "-" }
}
