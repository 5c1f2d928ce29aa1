/// A token scope: `repository:ns/app:pull,push` or `registry:catalog:*`.
public struct AuthScope: Hashable, Sendable, CustomStringConvertible {
    /// `repository` or `registry` (a `(class)` suffix is kept).
    public var type: String
    /// The resource name; may contain `:` (a host with port), so it is split from both ends.
    public var name: String
    /// Requested actions, sorted.
    public var actions: [String]

    /// Creates a scope.
    public init(type: String, name: String, actions: [String]) {
        self.type = type
        self.name = name
        self.actions = Array(Set(actions)).sorted()
    }

    /// Parses `type:name:actions`.
    public init?(_ text: String) {
        guard let first = text.firstIndex(of: ":"), let last = text.lastIndex(of: ":"), first < last else { return nil }
        self.init(
            type: String(text[..<first]),
            name: String(text[text.index(after: first)..<last]),
            actions: text[text.index(after: last)...].split(separator: ",").map(String.init))
    }

    /// Pull access to a repository.
    public static func pull(_ repository: String) -> AuthScope {
        AuthScope(type: "repository", name: repository, actions: ["pull"])
    }
    /// Pull and push access to a repository.
    public static func push(_ repository: String) -> AuthScope {
        AuthScope(type: "repository", name: repository, actions: ["pull", "push"])
    }
    /// Delete access to a repository.
    public static func delete(_ repository: String) -> AuthScope {
        AuthScope(type: "repository", name: repository, actions: ["delete"])
    }
    /// Access to the catalog.
    public static let catalog = AuthScope(type: "registry", name: "catalog", actions: ["*"])

    public var description: String { "\(type):\(name):\(actions.joined(separator: ","))" }

    /// Merges scopes on the same resource into one with the union of their actions.
    public static func union(_ scopes: [AuthScope]) -> [AuthScope] {
        var merged: [String: AuthScope] = [:]
        var order: [String] = []
        for scope in scopes {
            let key = "\(scope.type):\(scope.name)"
            if let existing = merged[key] {
                merged[key] = AuthScope(type: scope.type, name: scope.name, actions: existing.actions + scope.actions)
            } else {
                merged[key] = scope
                order.append(key)
            }
        }
        return order.compactMap { merged[$0] }
    }
}
