import Foundation
import RegistryClient
import TerminalUI

/// `:events`: the notifications an instance's event center sent (ACR), newest first, read again
/// every few seconds while the pane is open. `r` opens the event-center rules.
@MainActor
final class EventRecordFeed: ResourceKind {
    typealias Row = EventRecord

    unowned let context: any PaneContext
    let instance: Instance
    /// Only records of repositories in this namespace, when set.
    let namespace: String?
    /// How often the feed is read again.
    private let interval: Duration
    private var poller: Task<Void, Never>?
    /// The provider is known and has no event center.
    private var isUnsupported = false

    init(context: any PaneContext, instance: Instance, namespace: String?, interval: Duration = .seconds(10)) {
        self.context = context
        self.instance = instance
        self.namespace = namespace
        self.interval = interval
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.eventRecords] }
    var title: String { "\(context.catalog[.eventRecords]) · \(instance.name)/\(namespace ?? "*")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: namespace) }
    var emptyText: String {
        isUnsupported
            ? context.catalog[.needsEnterprise, context.catalog[.eventRecords]] : context.catalog[.emptyEventRecords]
    }

    func rows(in pane: ResourcePane<EventRecordFeed>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, namespace) = (context.session, instance, namespace)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any EventCenter else { return }
            for try await page in provider.eventRecords(ruleID: nil) {
                continuation.yield(
                    page.filter { record in
                        namespace.map { record.repository.map(Namespace.of(repository:)) == $0 } ?? true
                    })
            }
        }
    }

    /// Newest first; records without a time last, in the server's order.
    func order(_ rows: [Row]) -> [Int] {
        rows.indices.sorted { first, second in
            let (one, other) = (rows[first].time ?? .distantPast, rows[second].time ?? .distantPast)
            return one == other ? first < second : one > other
        }
    }

    func searchFields(of row: Row) -> [String] {
        [row.shortType, row.repository ?? "", row.tag ?? "", row.ruleName ?? "", row.notifyMethod ?? ""]
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<EventRecordFeed>) {
        isUnsupported = !(provider is any EventCenter)
    }

    /// Starts reading the feed again every `interval` once it first loads (a read still under way
    /// is left to finish); `close` stops it.
    func willReload(_ pane: ResourcePane<EventRecordFeed>) {
        guard poller == nil else { return }
        poller = Task { [weak pane, interval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled, let pane else { return }
                if !pane.isLoading { pane.reload() }
            }
        }
    }

    func close() {
        poller?.cancel()
        poller = nil
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<EventRecordFeed>) -> Bool {
        change == .delivery(instance: instance.name)
    }

    func actions(in pane: ResourcePane<EventRecordFeed>) -> [ConsoleAction] {
        (isUnsupported ? [] : [.rules]) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<EventRecordFeed>) -> Bool {
        guard action == .rules, !isUnsupported else { return false }
        context.push(ResourcePane(EventRuleList(context: context, instance: instance)))
        return true
    }

    func columns(in pane: ResourcePane<EventRecordFeed>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnTime], width: .fit(min: 6, max: 12)) { [context] in
                context.relativeTime($0.time)
            },
            TableColumn(catalog[.columnType], width: .fit(min: 6, max: 24)) { $0.shortType },
            TableColumn(catalog[.columnRepository], width: .flexible(min: 12)) { $0.repository ?? "-" },
            TableColumn(catalog[.columnTag], width: .fit(min: 5, max: 24)) { $0.tag ?? "-" },
            TableColumn(catalog[.columnRule], width: .fit(min: 6, max: 20)) { $0.ruleName ?? $0.ruleID ?? "-" },
            TableColumn(catalog[.columnMethod], width: .fit(min: 6, max: 10)) { $0.notifyMethod ?? "-" },
        ]
    }
}
