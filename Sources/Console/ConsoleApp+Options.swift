import Foundation
import TerminalUI

extension ConsoleApp {
    /// How the console is set up.
    public struct Options: Sendable {
        public var theme: Theme = .builtInDefault
        public var keymap: Keymap<ConsoleAction>
        public var language: Language = .english
        public var readOnly = false
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// Problems found while loading the theme or keymap, shown once at start.
        public var startupProblems: [String] = []
        /// The clock for relative times (fixed in snapshot tests).
        public var now: @Sendable () -> Date = { Date() }

        /// Options with the default keymap.
        public init() {
            keymap = try! Keymap(defaults: ConsoleAction.defaultBindings)
        }
    }
}
