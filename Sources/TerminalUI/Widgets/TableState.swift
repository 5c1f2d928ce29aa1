/// Selection, scroll position and marks of a table. The selection follows a row's identity when
/// rows are reloaded, re-sorted or filtered.
public struct TableState<ID: Hashable & Sendable>: Sendable {
    public private(set) var selectedIndex = 0
    public private(set) var selectedID: ID?
    /// The first row on screen.
    public private(set) var offset = 0
    /// Rows that fit on screen, as of the last draw.
    public internal(set) var pageSize = 10
    /// Marked rows, for bulk actions.
    public var marks: Set<ID> = []

    public init() {}

    /// Re-finds the selected row among `count` rows after a reload, re-sort or filter; keeps the
    /// position when the row is gone.
    public mutating func reconcile(count: Int, id: (Int) -> ID) {
        if let selectedID, let index = (0..<count).first(where: { id($0) == selectedID }) {
            selectedIndex = index
        } else {
            selectedIndex = min(selectedIndex, max(0, count - 1))
            selectedID = count == 0 ? nil : id(selectedIndex)
        }
        clampOffset(count: count)
    }

    /// Selects the row at `index`.
    public mutating func select(_ index: Int, count: Int, id: (Int) -> ID) {
        guard count > 0 else {
            selectedIndex = 0
            selectedID = nil
            return
        }
        selectedIndex = min(max(0, index), count - 1)
        selectedID = id(selectedIndex)
        clampOffset(count: count)
    }

    /// Moves the selection by `delta` rows.
    public mutating func move(by delta: Int, count: Int, id: (Int) -> ID) {
        select(selectedIndex + delta, count: count, id: id)
    }

    /// Moves a page down or up.
    public mutating func page(_ direction: Int, count: Int, id: (Int) -> ID) {
        move(by: direction * max(1, pageSize - 1), count: count, id: id)
    }

    /// Scrolls the view, dragging the selection along when it would leave the screen (mouse wheel).
    public mutating func scroll(by delta: Int, count: Int, id: (Int) -> ID) {
        offset = min(max(0, offset + delta), max(0, count - pageSize))
        if selectedIndex < offset {
            select(offset, count: count, id: id)
        } else if selectedIndex >= offset + pageSize {
            select(offset + pageSize - 1, count: count, id: id)
        }
    }

    /// Marks or unmarks the selected row.
    public mutating func toggleMark() {
        guard let selectedID else { return }
        if marks.remove(selectedID) == nil { marks.insert(selectedID) }
    }

    /// The indexes on screen for `count` rows.
    public var visibleRange: Range<Int> { offset..<(offset + pageSize) }

    mutating func setPageSize(_ size: Int, count: Int) {
        pageSize = max(1, size)
        clampOffset(count: count)
    }

    private mutating func clampOffset(count: Int) {
        if selectedIndex < offset { offset = selectedIndex }
        if selectedIndex >= offset + pageSize { offset = selectedIndex - pageSize + 1 }
        offset = max(0, min(offset, max(0, count - pageSize)))
    }
}
