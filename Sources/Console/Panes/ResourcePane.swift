import RegistryClient
import TerminalUI

/// A list pane of any `ResourceKind`: it streams the kind's rows into a `ListModel`, draws them as
/// a table with the loading, error and empty states, moves, filters, marks and pages, reloads on
/// refresh and on changes the kind cares about, and tells the kind which rows are on screen after
/// each frame.
@MainActor
final class ResourcePane<Kind: ResourceKind>: Screen {
    /// What this pane lists.
    let kind: Kind
    /// The console's services.
    var context: any PaneContext { kind.context }
    /// The rows: loaded, filtered, selected and marked.
    let list: ListModel<Kind.Row>
    /// The instance's provider, once found.
    private(set) var provider: (any RegistryProvider)?
    private var lookup: Task<Void, Never>?
    private var started = false
    /// A change arrived while the pane was covered: reload when it shows again.
    private var isStale = false

    init(_ kind: Kind) {
        self.kind = kind
        list = ListModel(searchFields: { [unowned kind] in kind.searchFields(of: $0) })
        list.searchIdentifiers = { [unowned kind] in kind.searchIdentifiers(of: $0) }
        list.order = { [unowned kind] in kind.order($0) }
        list.isListed = { [unowned kind] in kind.lists($0) }
        list.matcher = kind.matcher
    }

    var crumb: String { kind.crumb }
    var title: String { kind.title }
    var location: ViewLocation { kind.location }
    var owningInstance: Instance? { kind.owningInstance }
    /// "12 loaded…", "12", or "3 of 12" when filtered, then the kind's progress.
    var counter: String {
        let catalog = context.catalog
        let text =
            if isLoading {
                catalog[.counterLoading, list.listedCount]
            } else if list.filterText.isEmpty || !kind.filters {
                catalog[.counterDone, list.listedCount]
            } else {
                catalog[.counterFiltered, list.count, list.listedCount]
            }
        return kind.progress(in: self).map { text + " · " + $0 } ?? text
    }
    var isBusy: Bool { isLoading || lookup != nil || kind.isBusy }
    /// Ready once the provider is known and the first rows are in (or the load ended): keys
    /// typed before act on what the user is about to see.
    var isReady: Bool { (kind.owningInstance == nil || lookup == nil) && (hasRows || !isLoading) }
    /// Whether a page has arrived since the pane opened.
    private var hasRows = false
    var filterText: String? { kind.filters ? list.filterText : nil }
    var actions: [ConsoleAction] { kind.actions(in: self) }

    /// The selected row.
    var selected: Kind.Row? { list.selected }

    /// The marked rows in display order, or the selected one when none is marked.
    var targets: [Kind.Row] {
        let marked = list.displayed.filter { list.state.marks.contains($0.id) }
        return marked.isEmpty ? selected.map { [$0] } ?? [] : marked
    }

    // MARK: Loading

    /// Whether rows are being loaded.
    private(set) var isLoading = false
    /// Why the last load failed.
    private(set) var loadError: RegistryError?
    private var loadTask: Task<Void, Never>?

    func appear() {
        if !started {
            started = true
            findProvider()
            reload()
        } else if isStale {
            reload()
        }
    }

    func refresh() { reload() }

    /// Loads every row again from the source. Rows stay on screen while pages arrive (each page
    /// updates the rows it names); when the load ends, rows the source no longer has leave.
    func reload() {
        isStale = false
        loadTask?.cancel()
        kind.willReload(self)
        isLoading = true
        loadError = nil
        let stream = kind.rows(in: self)
        list.beginLoad()
        loadTask = Task { [weak self] in
            // Long loads sort a few times a second, and once at the end, not on every page.
            var lastSort: ContinuousClock.Instant?
            do {
                for try await page in stream {
                    guard let self, !Task.isCancelled else { return }
                    let now = ContinuousClock.now
                    let sorting = lastSort.map { now - $0 > .milliseconds(250) } ?? true
                    if sorting { lastSort = now }
                    self.list.merge(page, sorting: sorting)
                    self.kind.received(page, in: self)
                    if !self.hasRows, !page.isEmpty {
                        self.hasRows = true
                        self.context.paneReady(self)
                    }
                    self.context.requestDisplay()
                }
                guard let self, !Task.isCancelled else { return }
                self.list.endLoad()
            } catch {
                guard let self, !Task.isCancelled, !(error is CancellationError) else { return }
                self.loadError = RegistryError(wrapping: error)
                self.list.sortIfNeeded()
            }
            guard let self else { return }
            self.isLoading = false
            self.loadTask = nil
            self.context.loadEnded(self, failure: self.loadError)
            self.context.paneReady(self)
            self.context.requestDisplay()
        }
    }

    /// Puts the rows in display order again (after the sort changed or details arrived).
    func resort() {
        list.resort()
        context.requestDisplay()
    }

    private func findProvider() {
        guard let instance = kind.owningInstance else { return }
        lookup = Task { [weak self, session = context.session] in
            let provider = try? await session.provider(for: instance.name)
            guard let self else { return }
            self.lookup = nil
            if let provider {
                self.provider = provider
                self.kind.providerFound(provider, in: self)
            }
            self.context.paneReady(self)
            self.context.requestDisplay()
        }
    }

    func close() {
        lookup?.cancel()
        loadTask?.cancel()
        kind.close()
    }

    func settle() async {
        await lookup?.value
        await loadTask?.value
        await kind.settle()
    }

    /// Marks the pane stale; it reloads when it shows again (at once when it is the top pane).
    func changed(_ change: ConsoleChange) {
        guard kind.concerns(change.instance), kind.needsReload(after: change, in: self) else { return }
        isStale = true
    }

    // MARK: Keys

    func perform(_ action: ConsoleAction) -> Bool {
        if list.navigate(action) { return true }
        switch action {
        case .mark where kind.actions(in: self).contains(.mark):
            list.state.toggleMark()
            list.move(1)
            return true
        case .clearMarks where !list.state.marks.isEmpty:
            list.state.marks = []
            return true
        default:
            return kind.perform(action, in: self)
        }
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { list.handleMouse(event, in: tableRect(rect)) }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) {
        try list.setFilter(text)
        kind.filterChanged(text, in: self)
    }

    // MARK: Drawing

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        if let header = kind.header(in: self) {
            header.draw(
                on: surface, at: Point(row: rect.row, column: rect.column + 1), width: rect.columns - 2, theme: theme)
        }
        let rect = tableRect(rect)
        let columns = kind.columns(in: self, theme: theme)
        // Read before drawing: the table holds the list's state while it draws.
        let selected = list.selected
        let table = Table(
            columns: columns, count: list.count, sortColumn: kind.sortColumn, emptyText: emptyText,
            rowStyle: { [kind] row in kind.rowStyle(row, selected: selected, theme: theme) }, row: list.item(at:))
        table.draw(on: surface, in: rect, state: &list.state, theme: theme)
    }

    /// The table's area: below the kind's header line, when it has one.
    private func tableRect(_ rect: Rect) -> Rect {
        kind.header(in: self) == nil ? rect : rect.inset(top: 1)
    }

    /// The error, "Loading…", or the kind's empty text.
    private var emptyText: String {
        if let loadError { return context.catalog[.loadFailed, context.catalog.describe(loadError)] }
        return isLoading && list.items.isEmpty ? context.catalog[.loading] : kind.emptyText
    }

    func drawn() {
        let rows = list.state.visibleRange.clamped(to: 0..<list.count).map(list.item(at:))
        kind.shown(rows, in: self)
    }
}
