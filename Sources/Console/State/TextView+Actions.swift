import TerminalUI

extension TextView {
    /// Scrolls for a navigation action (up, down, page, top, bottom); false for any other action.
    mutating func navigate(_ action: ConsoleAction) -> Bool {
        let key: Key? =
            switch action {
            case .up: .up
            case .down: .down
            case .pageUp: .pageUp
            case .pageDown: .pageDown
            case .top: .home
            case .bottom: .end
            default: nil
            }
        guard let key else { return false }
        _ = handle(key)
        return true
    }
}
