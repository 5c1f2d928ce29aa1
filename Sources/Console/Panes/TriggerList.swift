import RegistryClient
import TerminalUI

/// The triggers of a repository (ACR): webhooks called after a build, with the tags that fire
/// them. URLs show masked, never with their credentials. `n` creates a trigger, enter or `e`
/// edits one, ctrl-d deletes one; a provider without triggers says it needs ACR Enterprise.
@MainActor
final class TriggerList: ResourceKind {
    typealias Row = RepositoryTrigger

    unowned let context: any PaneContext
    let instance: Instance
    /// `namespace/name`.
    let repository: String
    /// The provider, when it has triggers.
    private var manager: (any TriggerManaging)?
    /// The provider is known and has no triggers.
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance, repository: String) {
        self.context = context
        self.instance = instance
        self.repository = repository
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.triggers] }
    var title: String { "\(context.catalog[.triggers]) · \(instance.name)/\(repository)" }
    var location: ViewLocation {
        ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
    }
    var emptyText: String {
        isUnsupported ? context.catalog[.needsEnterprise, context.catalog[.triggers]] : context.catalog[.emptyTriggers]
    }

    func rows(in pane: ResourcePane<TriggerList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, repository) = (context.session, instance, repository)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any TriggerManaging else { return }
            continuation.yield(try await provider.triggers(repository: repository))
        }
    }

    func order(_ rows: [Row]) -> [Int] { rows.indices.sorted { rows[$0].name < rows[$1].name } }

    func searchFields(of row: Row) -> [String] { [row.name, row.maskedURL, row.match.text] }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<TriggerList>) {
        manager = provider as? any TriggerManaging
        isUnsupported = manager == nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<TriggerList>) -> Bool {
        change == .delivery(instance: instance.name)
    }

    func actions(in pane: ResourcePane<TriggerList>) -> [ConsoleAction] {
        (manager != nil && !context.isReadOnly(instance) ? [.create, .edit, .delete] : []) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<TriggerList>) -> Bool {
        guard let manager else { return false }
        let flow = TriggerEditFlow(context: context, provider: manager, repository: repository)
        return flow.perform(action == .open ? .edit : action, selected: pane.selected)
    }

    func columns(in pane: ResourcePane<TriggerList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnName], width: .fit(min: 6, max: 24)) { $0.name },
            TableColumn(catalog[.columnType], width: .fit(min: 6, max: 12)) { catalog.triggerKind($0.match) },
            TableColumn(catalog[.columnMatchTags], width: .fit(min: 6, max: 30)) { $0.match.text },
            TableColumn(catalog[.columnURL], width: .flexible(min: 16)) { $0.maskedURL },
            TableColumn(catalog[.columnEvent], width: .fit(min: 6, max: 16)) { $0.event ?? "-" },
        ]
    }
}

extension Catalog {
    /// A trigger's type in words: `all tags`, `tag list`, `regexp`.
    func triggerKind(_ match: RepositoryTrigger.Match) -> String {
        switch match {
        case .allTags: self[.triggerAllTags]
        case .tags: self[.triggerTagList]
        case .regularExpression: self[.triggerRegexp]
        }
    }
}
