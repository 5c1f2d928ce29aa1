import RegistryClient
import TerminalUI

/// The rows of a list pane: everything loaded (in display order), the rows the filter keeps, the
/// table's selection, and the loading state. Pages are merged as they arrive; the filter narrows
/// incrementally while the user types, over precomputed lowercase search keys.
@MainActor
final class ListModel<Item: Identifiable & Sendable> where Item.ID: Sendable {
    private(set) var items: [Item] = []
    private var keys: [FilterQuery.Key] = []
    /// Indexes into `items` of the rows the filter keeps, in display order.
    private(set) var visible: [Int] = []
    private(set) var query: FilterQuery?
    var state = TableState<Item.ID>()
    private(set) var isLoading = false
    private(set) var error: RegistryError?
    /// How many rows the source says exist, when it says.
    var expectedTotal: Int?
    private var loadTask: Task<Void, Never>?

    /// The texts the filter searches, one per field: the row's name, then its columns.
    var searchFields: (Item) -> [String]
    /// Fields that substring and regex filters search but fuzzy ones skip (digests).
    var searchIdentifiers: (Item) -> [String] = { _ in [] }
    /// Puts items in display order; nil keeps arrival order.
    var order: (([Item]) -> [Item])?
    /// Turns filter text into a row test, replacing the default text filter (the findings pane's
    /// expressions). It throws for text that does not parse.
    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Item) -> Bool)?
    private var customTest: ((Item) -> Bool)?

    init(searchFields: @escaping (Item) -> [String], order: (([Item]) -> [Item])? = nil) {
        self.searchFields = searchFields
        self.order = order
    }

    /// Rows after filtering.
    var count: Int { visible.count }

    /// The row at a filtered index.
    func item(at index: Int) -> Item { items[visible[index]] }

    /// The selected row.
    var selected: Item? { visible.isEmpty ? nil : item(at: min(state.selectedIndex, visible.count - 1)) }

    /// The filter text as typed, or empty.
    var filterText: String = ""

    /// Replaces every row (a reload).
    func replace(with newItems: [Item]) {
        items = order?(newItems) ?? newItems
        rebuildKeys()
        refilter(from: nil)
    }

    /// Adds a page; an item whose id is already present replaces it.
    func merge(_ page: [Item]) {
        var positions: [Item.ID: Int] = [:]
        for (index, item) in items.enumerated() { positions[item.id] = index }
        var combined = items
        for item in page {
            if let index = positions[item.id] {
                combined[index] = item
            } else {
                positions[item.id] = combined.count
                combined.append(item)
            }
        }
        replace(with: combined)
    }

    /// Re-applies `order` (after the sort changed or details arrived).
    func resort() { replace(with: items) }

    /// Sets the filter; typing more characters narrows the previous result instead of rescanning.
    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) {
        if let matcher {
            customTest = text.isEmpty ? nil : try matcher(text)
            filterText = text
            refilter(from: nil)
            return
        }
        let newQuery = text.isEmpty ? nil : try FilterQuery(text)
        let previous = query
        filterText = text
        query = newQuery
        if let newQuery, let previous, newQuery.narrows(previous) {
            refilter(from: visible)
        } else {
            refilter(from: nil)
        }
    }

    /// Updates one row's search key (its searchable text changed).
    func updateKey(of id: Item.ID) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return }
        keys[index] = key(of: items[index])
    }

    private func rebuildKeys() {
        keys = items.map(key(of:))
    }

    private func key(of item: Item) -> FilterQuery.Key {
        FilterQuery.key(fields: searchFields(item), identifiers: searchIdentifiers(item))
    }

    private func refilter(from candidates: [Int]?) {
        if let customTest {
            visible = items.indices.filter { customTest(items[$0]) }
        } else if let query, !query.isEmpty {
            let pool = candidates ?? Array(items.indices)
            if query.mode == .fuzzy, !query.inverted {
                let scored = pool.compactMap { index in query.score(keys[index]).map { (index, $0) } }
                visible = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            } else {
                visible = pool.filter { query.matches(keys[$0]) }
            }
        } else {
            visible = Array(items.indices)
        }
        state.reconcile(count: visible.count) { items[visible[$0]].id }
    }

    // MARK: Loading

    /// Loads pages from `stream`, merging each; `onChange` runs after every page and at the end.
    func load(_ stream: AsyncThrowingStream<[Item], any Error>, onChange: @escaping @MainActor () -> Void) {
        loadTask?.cancel()
        isLoading = true
        error = nil
        loadTask = Task { [weak self] in
            do {
                for try await page in stream {
                    guard let self, !Task.isCancelled else { return }
                    self.merge(page)
                    onChange()
                }
            } catch is CancellationError {
                return
            } catch {
                self?.error = RegistryError(wrapping: error)
            }
            self?.isLoading = false
            onChange()
        }
    }

    /// Waits for the current load to finish (tests, idle detection).
    func waitForLoad() async { await loadTask?.value }

    /// Stops loading.
    func cancel() {
        loadTask?.cancel()
        isLoading = false
    }

    // MARK: Navigation

    func move(_ delta: Int) { state.move(by: delta, count: count) { self.item(at: $0).id } }
    func page(_ direction: Int) { state.page(direction, count: count) { self.item(at: $0).id } }
    func select(_ index: Int) { state.select(index, count: count) { self.item(at: $0).id } }
    func scroll(_ delta: Int) { state.scroll(by: delta, count: count) { self.item(at: $0).id } }

    /// Selects the row with this id, if it is shown.
    func select(id: Item.ID) {
        if let index = visible.firstIndex(where: { items[$0].id == id }) { select(index) }
    }

    /// "12 loaded…", "12", or "3 of 12" when filtered.
    func counter(_ catalog: Catalog) -> String {
        if isLoading { return catalog[.counterLoading, items.count] + (expectedTotal.map { " / ~\($0)" } ?? "") }
        return filterText.isEmpty ? catalog[.counterDone, items.count] : catalog[.counterFiltered, visible.count, items.count]
    }
}
