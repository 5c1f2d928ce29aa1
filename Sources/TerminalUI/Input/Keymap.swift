/// Which keys trigger which actions. Every action has defaults; a config may rebind any of them.
public struct Keymap<Action: Hashable & CaseIterable & RawRepresentable & Sendable>: Sendable
where Action.RawValue == String {
    private var keysByAction: [Action: [Key]]
    private var actionByKey: [Key: Action]

    /// A problem in a keymap override.
    public struct Problem: Error, Sendable, Equatable {
        /// The action name as written.
        public var action: String
        /// What is wrong.
        public var message: String
    }

    /// The defaults with `overrides` (action name → key names) applied; an override replaces all
    /// default keys of its action, and a key taken by an override is removed from other actions.
    public init(defaults: [Action: [Key]], overrides: [String: [String]] = [:]) throws(Problem) {
        var keys = defaults
        for (name, specs) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let action = Action(rawValue: name) else {
                throw Problem(
                    action: name,
                    message: "unknown action; actions: \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var parsed: [Key] = []
            for spec in specs {
                guard let key = KeySpec.parse(spec) else {
                    throw Problem(
                        action: name,
                        message: "'\(spec)' is not a key name (examples: q, G, ctrl-d, shift-tab, enter, f5)")
                }
                parsed.append(key)
            }
            for other in keys.keys where other != action { keys[other]?.removeAll { parsed.contains($0) } }
            keys[action] = parsed
        }
        keysByAction = keys
        actionByKey = [:]
        for action in Action.allCases {
            for key in keys[action] ?? [] where actionByKey[key] == nil { actionByKey[key] = action }
        }
    }

    /// The action bound to a key.
    public func action(for key: Key) -> Action? { actionByKey[key] }

    /// The keys bound to an action, first the one hints show.
    public func keys(for action: Action) -> [Key] { keysByAction[action] ?? [] }

    /// The name of the first key of an action, for hints (`"ctrl-d"`), or nil when unbound.
    public func hint(for action: Action) -> String? { keys(for: action).first.map(KeySpec.name) }
}
