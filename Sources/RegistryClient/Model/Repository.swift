import Foundation

/// A repository, named by its full path within the registry (`mirror/library/alpine`).
public struct Repository: Hashable, Sendable, Identifiable {
    /// The instance it belongs to.
    public var instance: String
    /// The full repository path.
    public var name: String
    /// Number of tags, when the provider reports it.
    public var tagCount: Int?
    /// Last change, when the provider reports it.
    public var updated: Date?
    /// Provider-specific facts (ACR summary, visibility…).
    public var attributes: [String: String]

    /// Creates a repository.
    public init(instance: String, name: String, tagCount: Int? = nil, updated: Date? = nil, attributes: [String: String] = [:]) {
        self.instance = instance
        self.name = name
        self.tagCount = tagCount
        self.updated = updated
        self.attributes = attributes
    }

    public var id: String { name }

    /// The first path segment, or empty.
    public var namespace: String { Namespace.of(repository: name) }

    /// The name without its namespace.
    public var shortName: String {
        name.firstIndex(of: "/").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// Whether `name` follows the distribution grammar: `/`-separated components of lowercase
    /// letters and digits joined by `.`, `_`, `__` or dashes, ASCII only, at most 255 bytes.
    public static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, name.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isValidComponent)
    }

    private static func isValidComponent(_ component: Substring) -> Bool {
        component.wholeMatch(of: #/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*/#) != nil
    }
}
