import RegistryClient
import TerminalUI

/// One pane of the console. The context owns a stack of screens; the top one is drawn and gets keys.
@MainActor
protocol Screen: AnyObject {
    /// The breadcrumb for this pane (`ns/context`).
    var crumb: String { get }
    /// The pane's title line (`tags · ns/context`).
    var title: String { get }
    /// The counter beside the title.
    var counter: String { get }
    /// Whether work for this pane is under way (spinner, idle detection).
    var isBusy: Bool { get }
    /// Where this pane is, for restoring the last view.
    var location: ViewLocation { get }
    /// The instance the pane belongs to (nil above instances).
    var owningInstance: Instance? { get }
    /// The filter text, when the pane filters.
    var filterText: String? { get }
    /// Actions this pane offers, in hint order.
    var actions: [ConsoleAction] { get }

    /// Called when the pane becomes visible (load on first appearance).
    func appear()
    /// Called when the pane is closed for good (cancel work).
    func close()
    /// Reloads from the registry.
    func refresh()
    /// Handles an action; false when the pane has nothing to do with it.
    func perform(_ action: ConsoleAction) -> Bool
    /// Handles a mouse event inside the content area.
    func handleMouse(_ event: MouseEvent, in rect: Rect)
    /// Sets the filter.
    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern)
    /// Draws the content area.
    func draw(on surface: any Surface, in rect: Rect, theme: Theme)
    /// Waits until the pane's loads are done (tests).
    func settle() async
    /// Whether the pane can take keys (its provider and capabilities are known); keys typed
    /// before are queued for it.
    var isReady: Bool { get }
    /// The frame with this pane is on screen: a good time to ask for what the visible rows need.
    func drawn()
    /// Something changed; a pane that shows it reloads or updates.
    func changed(_ change: ConsoleChange)
}

extension Screen {
    var filterText: String? { nil }
    var isReady: Bool { true }
    var owningInstance: Instance? { nil }
    func drawn() {}
    func changed(_ change: ConsoleChange) {}
    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) {}
    func handleMouse(_ event: MouseEvent, in rect: Rect) {}
}

/// A pane that takes keys before the keymap does (a form being typed into). Keys it does not
/// capture (`esc`, say) go through the keymap as usual.
@MainActor
protocol KeyCapturing: Screen {
    /// Handles a key; false to let the keymap have it.
    func capture(_ key: Key) -> Bool
}
