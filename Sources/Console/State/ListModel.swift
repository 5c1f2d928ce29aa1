import RegistryClient
import TerminalUI

/// The rows of a list: everything loaded (in display order), the rows listed (a pane can hide some
/// with a toggle), the rows the filter keeps, and the table's selection and marks. Pages are merged
/// as they arrive; the filter narrows incrementally while the user types, over precomputed
/// lowercase search keys, one field at a time.
@MainActor
final class ListModel<Item: Identifiable & Sendable> where Item.ID: Sendable {
    private(set) var items: [Item] = []
    private var keys: [FilterQuery.Key] = []
    private var positions: [Item.ID: Int] = [:]
    /// Indexes into `items` of the rows the filter keeps, in display order.
    private(set) var visible: [Int] = []
    private(set) var query: FilterQuery?
    var state = TableState<Item.ID>()
    /// Indexes into `items` of the listed rows, when `isListed` hides some.
    private var listed: [Int]?
    /// How many rows are listed before filtering.
    var listedCount: Int { listed?.count ?? items.count }

    /// The texts the filter searches, one per field: the row's name, then its columns.
    var searchFields: (Item) -> [String]
    /// Fields that only substring filters search (digests).
    var searchIdentifiers: (Item) -> [String] = { _ in [] }
    /// Puts items in display order; nil keeps arrival order.
    var order: (([Item]) -> [Item])?
    /// Whether a row is listed at all; unlisted rows are kept but never shown.
    var isListed: ((Item) -> Bool)?
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
    private(set) var filterText: String = ""

    /// Replaces every row (a reload).
    func replace(with newItems: [Item]) {
        items = order?(newItems) ?? newItems
        positions = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        keys = items.map(key(of:))
        relist()
    }

    /// Adds a page; an item whose id is already present replaces it.
    func merge(_ page: [Item]) {
        var combined = items
        var added: [Item.ID: Int] = [:]
        for item in page {
            if let index = positions[item.id] ?? added[item.id] {
                combined[index] = item
            } else {
                added[item.id] = combined.count
                combined.append(item)
            }
        }
        replace(with: combined)
    }

    /// Keeps only the rows with these ids (the rest left the source).
    func keep(_ ids: Set<Item.ID>) {
        guard items.contains(where: { !ids.contains($0.id) }) else { return }
        replace(with: items.filter { ids.contains($0.id) })
    }

    /// Changes one row in place and reads its search fields again; the order is not re-applied
    /// (call `resort`) and a row that now fails the filter stays until the filter changes.
    func update(id: Item.ID, _ change: (inout Item) -> Void) {
        guard let index = positions[id] else { return }
        change(&items[index])
        keys[index] = key(of: items[index])
    }

    /// Re-applies `order` (after the sort changed or details arrived).
    func resort() { replace(with: items) }

    /// Applies `isListed` again (after the toggle it reads changed).
    func relist() {
        listed = isListed.map { isListed in items.indices.filter { isListed(items[$0]) } }
        refilter(from: nil)
    }

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

    private func key(of item: Item) -> FilterQuery.Key {
        FilterQuery.key(fields: searchFields(item), identifiers: searchIdentifiers(item))
    }

    private func refilter(from candidates: [Int]?) {
        if let customTest {
            visible = (listed ?? Array(items.indices)).filter { customTest(items[$0]) }
        } else if let query, !query.isEmpty {
            let pool = candidates ?? listed ?? Array(items.indices)
            if query.mode == .fuzzy, !query.inverted {
                let scored = pool.compactMap { index in query.score(keys[index]).map { (index, $0) } }
                visible = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            } else {
                visible = pool.filter { query.matches(keys[$0]) }
            }
        } else {
            visible = listed ?? Array(items.indices)
        }
        state.reconcile(count: visible.count) { items[visible[$0]].id }
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

    /// "12", or "3 of 12" when filtered (lists outside resource panes).
    func counter(_ catalog: Catalog) -> String {
        filterText.isEmpty ? catalog[.counterDone, listedCount] : catalog[.counterFiltered, visible.count, listedCount]
    }
}
