import Foundation

/// Vulnerabilities a registry itself accepts for a repository (Harbor's CVE allowlist of the
/// project, or the system's one the project reuses): shown beside regconsole's suppressions,
/// never merged into them.
public struct CVEAllowlist: Sendable, Equatable {
    /// Whose list it is.
    public enum Level: Sendable, Equatable {
        case system
        case project(String)
    }

    public var level: Level
    /// Vulnerability ids (`CVE-2021-3711`).
    public var ids: Set<String>
    /// When the list stops applying; nil when it never does.
    public var expires: Date?

    /// Creates an allowlist.
    public init(level: Level, ids: Set<String>, expires: Date? = nil) {
        self.level = level
        self.ids = ids
        self.expires = expires
    }

    /// Whether the list applies at `now`.
    public func isActive(now: Date) -> Bool { expires.map { $0 > now } ?? true }

    /// Whether the list accepts the finding's vulnerability at `now`.
    public func allows(_ finding: Finding, now: Date) -> Bool {
        isActive(now: now) && ids.contains(finding.vulnerability)
    }
}
