import RegistryClient
import TerminalUI

/// The declaration of one kind of list pane: its row type, where rows come from, its columns, its
/// keys and what it does with them. `ResourcePane` does the rest once for every kind: list state,
/// filtering, sorting, marking, paging, loading, error and empty states, refresh, change
/// notifications and detail loading for the rows on screen.
///
/// A kind keeps only what is its own (a sort order, a capability the provider offers, details
/// fetched per row) and reaches everything else through the pane it is given.
@MainActor
protocol ResourceKind: AnyObject {
    associatedtype Row: Identifiable & Sendable where Row.ID: Sendable

    /// The console's services.
    var context: any PaneContext { get }
    /// The instance the rows belong to; its provider is looked up before the pane takes keys.
    /// Nil for panes above instances, and for panes over several instances.
    var owningInstance: Instance? { get }
    /// Whether changes on `instance` concern the pane.
    func concerns(_ instance: String) -> Bool
    /// The breadcrumb (`ns/app`).
    var crumb: String { get }
    /// The title line (`tags · ns/app`).
    var title: String { get }
    /// Where the pane is, for restoring the last view.
    var location: ViewLocation { get }
    /// What the table says when no row is loaded and nothing failed.
    var emptyText: String { get }

    /// The rows, a page at a time; called on the first appearance and on every reload.
    func rows(in pane: ResourcePane<Self>) -> AsyncThrowingStream<[Row], any Error>
    /// The columns for the rows loaded now (a column can depend on what the provider reports).
    func columns(in pane: ResourcePane<Self>, theme: Theme) -> [TableColumn<Row>]
    /// The texts the filter matches, each on its own (anchors apply per field): the name first.
    func searchFields(of row: Row) -> [String]
    /// Identifiers (digests) that only substring filters match.
    func searchIdentifiers(of row: Row) -> [String]
    /// The actions the pane offers, in hint order (moving up and down goes without saying).
    func actions(in pane: ResourcePane<Self>) -> [ConsoleAction]
    /// Handles an action; false when the kind has nothing to do with it.
    func perform(_ action: ConsoleAction, in pane: ResourcePane<Self>) -> Bool

    /// The indexes of `rows` in display order.
    func order(_ rows: [Row]) -> [Int]
    /// Whether a row is listed at all (a row may be hidden by a toggle, not by the filter).
    func lists(_ row: Row) -> Bool
    /// The table column the rows are sorted by, underlined in the header.
    var sortColumn: Int? { get }
    /// A style for a whole row, given the selected one.
    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style?
    /// Turns filter text into a row test, replacing the text filter (finding expressions).
    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Row) -> Bool)? { get }
    /// Whether the pane filters at all right now.
    var filters: Bool { get }
    /// Text after the row counter (detail progress).
    func progress(in pane: ResourcePane<Self>) -> String?
    /// A line above the table (what the rows belong to), or nil for none.
    func header(in pane: ResourcePane<Self>) -> StyledLine?
    /// Whether the kind's own work (detail fetches) is under way.
    var isBusy: Bool { get }

    /// The instance's provider is known (capabilities decide what the pane offers).
    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<Self>)
    /// A reload starts: forget what was fetched for the old rows.
    func willReload(_ pane: ResourcePane<Self>)
    /// The filter text changed (emptied included).
    func filterChanged(_ text: String, in pane: ResourcePane<Self>)
    /// A page arrived and was merged into the rows.
    func received(_ page: [Row], in pane: ResourcePane<Self>)
    /// The frame is on screen with these rows visible (fetch their details now).
    func shown(_ rows: [Row], in pane: ResourcePane<Self>)
    /// Whether a change alters what the pane shows so that it must load again; a kind may
    /// instead update what it keeps (forget a scan report) and return false.
    func needsReload(after change: ConsoleChange, in pane: ResourcePane<Self>) -> Bool
    /// The pane closed for good: cancel the kind's own work.
    func close()
    /// Waits for the kind's own work (tests).
    func settle() async
}

extension ResourceKind {
    func concerns(_ instance: String) -> Bool { owningInstance?.name == instance }
    func filterChanged(_ text: String, in pane: ResourcePane<Self>) {}
    func searchIdentifiers(of row: Row) -> [String] { [] }
    func order(_ rows: [Row]) -> [Int] { Array(rows.indices) }
    func lists(_ row: Row) -> Bool { true }
    var sortColumn: Int? { nil }
    func rowStyle(_ row: Row, selected: Row?, theme: Theme) -> Style? { nil }
    var matcher: ((String) throws(FilterQuery.InvalidPattern) -> (Row) -> Bool)? { nil }
    var filters: Bool { true }
    func progress(in pane: ResourcePane<Self>) -> String? { nil }
    func header(in pane: ResourcePane<Self>) -> StyledLine? { nil }
    var isBusy: Bool { false }
    func providerFound(_ provider: any RegistryProvider, in pane: ResourcePane<Self>) {}
    func willReload(_ pane: ResourcePane<Self>) {}
    func received(_ page: [Row], in pane: ResourcePane<Self>) {}
    func shown(_ rows: [Row], in pane: ResourcePane<Self>) {}
    func needsReload(after change: ConsoleChange, in pane: ResourcePane<Self>) -> Bool { false }
    func close() {}
    func settle() async {}
}
