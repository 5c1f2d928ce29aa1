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
    /// One line shown in lists, when repositories are server objects.
    public var summary: String?
    /// Who may pull without credentials, when the provider reports it.
    public var visibility: RepositoryVisibility?
    /// Whether a tag, once pushed, can never point elsewhere, when the provider reports it.
    public var tagImmutability: Bool?
    /// The server's own id of the repository (ACR `crr-…`), when it has one.
    public var serverID: String?
    /// The server's lifecycle state (ACR `NORMAL`…), when it reports one.
    public var state: String?

    /// Creates a repository.
    public init(
        instance: String, name: String, tagCount: Int? = nil, updated: Date? = nil, summary: String? = nil,
        visibility: RepositoryVisibility? = nil, tagImmutability: Bool? = nil, serverID: String? = nil,
        state: String? = nil
    ) {
        self.instance = instance
        self.name = name
        self.tagCount = tagCount
        self.updated = updated
        self.summary = summary
        self.visibility = visibility
        self.tagImmutability = tagImmutability
        self.serverID = serverID
        self.state = state
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

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`, scanned by hand: a regex literal is compiled at run
    /// time, which costs a command that parses one reference more than the request it makes.
    private static func isValidComponent(_ component: Substring) -> Bool {
        let bytes = component.utf8
        var index = bytes.startIndex
        func skipAlphanumerics() -> Bool {
            let start = index
            while index < bytes.endIndex, bytes[index].isLowercaseAlphanumeric { bytes.formIndex(after: &index) }
            return index > start
        }
        guard skipAlphanumerics() else { return false }
        while index < bytes.endIndex {
            let separator = bytes[index]
            bytes.formIndex(after: &index)
            switch separator {
            case UInt8(ascii: "."):
                break
            case UInt8(ascii: "_"):
                if index < bytes.endIndex, bytes[index] == UInt8(ascii: "_") { bytes.formIndex(after: &index) }
            case UInt8(ascii: "-"):
                while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { bytes.formIndex(after: &index) }
            default:
                return false
            }
            guard skipAlphanumerics() else { return false }
        }
        return true
    }
}
