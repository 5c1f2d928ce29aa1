import RegistryClient
import TerminalUI

/// The rows of a list: everything loaded, the rows listed (a pane can hide some with a toggle), the
/// rows the filter keeps, and the table's selection and marks.
///
/// Rows are stored in arrival order with their search keys and never move; the display order is a
/// permutation over them. So a page costs keys for its new rows only, an update one key, a sort a
/// permutation, and a reload marks the rows it sees instead of collecting their ids. The filter
/// narrows incrementally while the user types, over precomputed lowercase keys, a field at a time.
@MainActor
final class ListModel<Item: Identifiable & Sendable> where Item.ID: Sendable {
    /// Every row, in arrival order.
    private(set) var items: [Item] = []
    private var keys: [FilterQuery.Key] = []
    /// `isListed` of each row, kept beside it so a sort or a page does not ask again.
    private var listedFlags: [Bool] = []
    /// The load that last delivered each row (`beginLoad`, `endLoad`).
    private var seenIn: [Int] = []
    private var loadGeneration = 0
    private var positions: [Item.ID: Int] = [:]
    /// Indexes into `items` in display order.
    private var display: [Int] = []
    /// Each row's place in the display order (ties in fuzzy ranking keep it).
    private var displayRank: [Int] = []
    /// Whether rows were added after the others without sorting.
    private var isUnsorted = false
    /// Indexes into `items`, in display order, of the listed rows, when `isListed` hides some.
    private var listed: [Int]?
    /// Indexes into `items` of the rows the filter keeps, in display order.
    private(set) var visible: [Int] = []
    private(set) var query: FilterQuery?
    var state = TableState<Item.ID>()

    /// The texts the filter searches, one per field: the row's name, then its columns.
    var searchFields: (Item) -> [String]
    /// Fields that only substring filters search (digests).
    var searchIdentifiers: (Item) -> [String] = { _ in [] }
    /// The display order as indexes into the rows given; nil keeps arrival order.
    var order: (([Item]) -> [Int])?
    /// Whether a row is listed at all; unlisted rows are kept but never shown.
    var isListed: ((Item) -> Bool)?
    /// Turns filter text into a row test, replacing the default text filter (the findings pane's
    /// expressions). It throws for text that does not parse.
    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Item) -> Bool)?
    private var customTest: ((Item) -> Bool)?

    init(searchFields: @escaping (Item) -> [String], order: (([Item]) -> [Int])? = nil) {
        self.searchFields = searchFields
        self.order = order
    }

    /// Rows after filtering.
    var count: Int { visible.count }

    /// How many rows are listed before filtering.
    var listedCount: Int { listed?.count ?? items.count }

    /// Every row in display order.
    var displayed: [Item] { display.map { items[$0] } }

    /// The row at a filtered index.
    func item(at index: Int) -> Item { items[visible[index]] }

    /// The selected row.
    var selected: Item? { visible.isEmpty ? nil : item(at: min(state.selectedIndex, visible.count - 1)) }

    /// The filter text as typed, or empty.
    private(set) var filterText: String = ""

    /// Replaces every row.
    func replace(with newItems: [Item]) {
        items = []
        keys = []
        listedFlags = []
        seenIn = []
        positions = [:]
        append(newItems, replacingDuplicates: false)
        resort()
    }

    /// Adds a page; a row whose id is already present is replaced in place. Without `sorting`,
    /// new rows go after the others until the next `resort` (a long load sorts now and then, not
    /// on every page).
    func merge(_ page: [Item], sorting: Bool = true) {
        var added: [Item] = []
        for item in page {
            if let index = positions[item.id] {
                store(item, at: index)
                seenIn[index] = loadGeneration
            } else {
                added.append(item)
            }
        }
        let start = items.count
        append(added, replacingDuplicates: true)
        guard !sorting else { return resort() }
        isUnsorted = true
        for index in start..<items.count {
            displayRank.append(display.count)
            display.append(index)
        }
        applyListing()
    }

    /// Appends rows; with `replacingDuplicates`, a row whose id is already present replaces it,
    /// otherwise both are kept (a report may list one finding twice).
    private func append(_ newItems: [Item], replacingDuplicates: Bool) {
        for item in newItems {
            if replacingDuplicates, let index = positions[item.id] {
                store(item, at: index)
                continue
            }
            if positions[item.id] == nil { positions[item.id] = items.count }
            items.append(item)
            keys.append(key(of: item))
            listedFlags.append(isListed?(item) ?? true)
            seenIn.append(loadGeneration)
        }
    }

    /// Starts a load: rows it does not deliver again are dropped by `endLoad`.
    func beginLoad() { loadGeneration += 1 }

    /// Ends a load that completed: rows the source no longer has leave, and every row is in order.
    func endLoad() {
        guard seenIn.contains(where: { $0 != loadGeneration }) else { return sortIfNeeded() }
        let kept = items.indices.filter { seenIn[$0] == loadGeneration }
        let survivors = kept.map { items[$0] }
        let survivingKeys = kept.map { keys[$0] }
        let survivingFlags = kept.map { listedFlags[$0] }
        items = survivors
        keys = survivingKeys
        listedFlags = survivingFlags
        seenIn = Array(repeating: loadGeneration, count: survivors.count)
        positions = Dictionary(survivors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        resort()
    }

    /// Changes one row in place and reads its search fields again; the order is not re-applied
    /// (call `resort`) and a row that now fails the filter stays until the filter changes.
    func update(id: Item.ID, _ change: (inout Item) -> Void) {
        guard let index = positions[id] else { return }
        var item = items[index]
        change(&item)
        store(item, at: index)
    }

    private func store(_ item: Item, at index: Int) {
        items[index] = item
        keys[index] = key(of: item)
        listedFlags[index] = isListed?(item) ?? true
    }

    /// Sorts the rows a load added without sorting (a load that failed part way).
    func sortIfNeeded() {
        if isUnsorted { resort() }
    }

    /// Applies `order` again (after the sort changed or details arrived).
    func resort() {
        isUnsorted = false
        display = order?(items) ?? Array(items.indices)
        displayRank = Array(repeating: 0, count: items.count)
        for (rank, index) in display.enumerated() { displayRank[index] = rank }
        applyListing()
    }

    /// Applies `isListed` again to every row (after the toggle it reads changed).
    func relist() {
        listedFlags = items.map { isListed?($0) ?? true }
        applyListing()
    }

    private func applyListing() {
        let flags = listedFlags
        listed = isListed == nil ? nil : display.filter { flags[$0] }
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
        // Local copies: the loops below read them once per row, and a property of a class is
        // checked for exclusive access on every read.
        let (items, keys, displayRank) = (self.items, self.keys, self.displayRank)
        let shown = listed ?? display
        if let customTest {
            visible = shown.filter { customTest(items[$0]) }
        } else if let query, !query.isEmpty {
            let pool = candidates ?? shown
            if query.mode == .fuzzy, !query.inverted {
                let scored = pool.compactMap { index in query.score(keys[index]).map { (index, $0) } }
                visible = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : displayRank[$0.0] < displayRank[$1.0] }.map(\.0)
            } else {
                visible = pool.filter { query.matches(keys[$0]) }
            }
        } else {
            visible = shown
        }
        let kept = visible
        state.reconcile(count: kept.count) { items[kept[$0]].id }
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
}
