import TerminalUI

extension ListModel {
    /// Moves the selection for navigation actions; false for other actions.
    func navigate(_ action: ConsoleAction) -> Bool {
        switch action {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: page(-1)
        case .pageDown: page(1)
        case .top: select(0)
        case .bottom: select(count - 1)
        default: return false
        }
        return true
    }

    /// Clicks select a row; the wheel scrolls.
    func handleMouse(_ event: MouseEvent, in rect: Rect) {
        switch event.kind {
        case .wheelUp: scroll(-3)
        case .wheelDown: scroll(3)
        case .click:
            let index = state.offset + event.point.row - rect.row - 1
            if event.point.row > rect.row, index < count { select(index) }
        }
    }
}
