import Foundation
import RegistryClient
import TerminalUI

/// `:audit`: Harbor's own audit log of the instance or of one project, newest first. A page of
/// entries at first; `m`, or scrolling to the last row, reads the next. The filter bar takes
/// `user:NAME op:OPERATION resource:TEXT type:TYPE`, which the server applies (so older entries
/// that match are found too) and the loaded rows follow at once.
@MainActor
final class AuditList: ResourceKind {
    typealias Row = AuditEvent

    unowned let context: any PaneContext
    let instance: Instance
    /// The project whose entries are listed; nil for the whole instance.
    let project: String?
    private var isUnsupported = false
    /// How many pages the next load reads.
    private var pages = 1
    /// Entries the current load has read, and a full page's size.
    private var loaded = 0
    private var pageSize = 100
    /// What the server is asked for.
    private var serverFilter = AuditEventFilter()

    init(context: any PaneContext, instance: Instance, project: String?) {
        self.context = context
        self.instance = instance
        self.project = project
    }

    var owningInstance: Instance? { instance }
    var crumb: String { context.catalog[.auditLog] }
    var title: String { "\(context.catalog[.auditLog]) · \(instance.name)\(project.map { "/\($0)" } ?? "")" }
    var location: ViewLocation { ViewLocation(instance: instance.name, namespace: project) }
    var emptyText: String {
        isUnsupported ? context.catalog[.needsHarbor, context.catalog[.auditLog]] : context.catalog[.emptyAuditLog]
    }

    /// Whether every page read was full, so older entries may follow.
    private var hasMore: Bool { loaded >= pages * pageSize }

    func rows(in pane: ResourcePane<AuditList>) -> AsyncThrowingStream<[Row], any Error> {
        let (session, instance, project, filter, pages) = (context.session, instance, project, serverFilter, pages)
        return .producing { continuation in
            guard let provider = try await session.provider(for: instance.name) as? any AuditTrailReading else {
                return
            }
            for try await page in provider.auditEvents(project: project, filter: filter, maxPages: pages) {
                continuation.yield(page)
            }
        }
    }

    func willReload(_ pane: ResourcePane<AuditList>) { loaded = 0 }

    func received(_ page: [Row], in pane: ResourcePane<AuditList>) { loaded += page.count }

    /// Newest first; entries of the same moment by id, newest first.
    func order(_ rows: [Row]) -> [Int] {
        rows.indices.sorted { first, second in
            let (one, other) = (rows[first].time ?? .distantPast, rows[second].time ?? .distantPast)
            return one == other ? rows[first].id > rows[second].id : one > other
        }
    }

    func searchFields(of row: Row) -> [String] { [row.resource, row.username, row.operation, row.resourceType] }

    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Row) -> Bool)? {
        { text throws(FilterQuery.InvalidPattern) in
            let filter = try AuditEventFilter(filterBar: text)
            return { filter.matches($0) }
        }
    }

    /// The server reads the log again with the new filter, from its first page.
    func filterChanged(_ text: String, in pane: ResourcePane<AuditList>) {
        let filter = (try? AuditEventFilter(filterBar: text)) ?? serverFilter
        guard filter != serverFilter else { return }
        serverFilter = filter
        pages = 1
        pane.reload()
    }

    /// The last row on screen asks for the next page.
    func shown(_ rows: [Row], in pane: ResourcePane<AuditList>) {
        guard let last = rows.last, last.id == pane.list.displayed.last?.id else { return }
        loadMore(pane)
    }

    private func loadMore(_ pane: ResourcePane<AuditList>) {
        guard hasMore, !pane.isLoading else { return }
        pages += 1
        pane.reload()
    }

    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<AuditList>) {
        isUnsupported = !(provider is any AuditTrailReading)
        pageSize = (provider as? any AuditTrailReading)?.auditPageSize ?? pageSize
    }

    func needsReload(after change: ConsoleChange, in pane: ResourcePane<AuditList>) -> Bool {
        change.instance == instance.name
    }

    func header(in pane: ResourcePane<AuditList>) -> StyledLine? {
        guard !isUnsupported else { return nil }
        return StyledLine(context.catalog[.auditFilterHint], .muted)
    }

    func progress(in pane: ResourcePane<AuditList>) -> String? {
        hasMore && !pane.isLoading ? context.catalog[.auditMore, loaded] : nil
    }

    func actions(in pane: ResourcePane<AuditList>) -> [ConsoleAction] {
        (hasMore ? [.loadMore] : []) + [.back, .filter, .refresh]
    }

    func perform(_ action: ConsoleAction, in pane: ResourcePane<AuditList>) -> Bool {
        guard action == .loadMore else { return false }
        loadMore(pane)
        return true
    }

    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style? { row.succeeded ? nil : theme[.error] }

    func columns(in pane: ResourcePane<AuditList>, theme: Theme) -> [TableColumn<Row>] {
        let catalog = context.catalog
        return [
            TableColumn(catalog[.columnTime], width: .fit(min: 6, max: 10)) { [context] in
                context.relativeTime($0.time)
            },
            TableColumn(catalog[.columnUser], width: .fit(min: 4, max: 14)) { $0.username },
            TableColumn(catalog[.columnOperation], width: .fit(min: 6, max: 10)) { $0.operation },
            TableColumn(catalog[.columnResourceType], width: .fit(min: 8, max: 14)) { $0.resourceType },
            TableColumn(catalog[.columnResource], width: .flexible(min: 12)) { $0.resource },
            TableColumn(catalog[.columnResult], width: .fit(min: 6, max: 8)) {
                catalog[$0.succeeded ? .auditResultSuccess : .auditResultFailure]
            },
        ]
    }
}
