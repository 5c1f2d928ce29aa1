import Foundation

/// The append-only audit log of mutations (`$XDG_STATE_HOME/regconsole/audit.log`, JSON lines).
/// Each mutation is written before (`intent`) and after (`done`, `skipped`, `failed`). No secrets.
public struct AuditLog: Sendable {
    /// One line of the log.
    public struct Entry: Codable, Sendable, Equatable {
        public var time: String
        public var action: String
        public var phase: String
        public var instance: String
        public var repository: String?
        public var digest: String?
        public var tags: [String]?
        public var detail: String?

        /// Creates an entry stamped now.
        public init(
            action: String, phase: String, instance: String, repository: String? = nil, digest: String? = nil,
            tags: [String]? = nil, detail: String? = nil
        ) {
            self.time = RFC3339.format(Date())
            self.action = action
            self.phase = phase
            self.instance = instance
            self.repository = repository
            self.digest = digest
            self.tags = tags
            self.detail = detail
        }
    }

    /// The log file.
    public var url: URL { file.url }
    private let file: JSONLinesFile

    /// A log at `url`.
    public init(url: URL) {
        self.file = JSONLinesFile(url: url)
    }

    /// The default log under the XDG state directory.
    public init(directories: XDGDirectories) {
        self.init(url: directories.state.appendingPathComponent("audit.log"))
    }

    /// Appends one entry and syncs it to disk.
    /// - Throws: when the log cannot be written; callers must not mutate without an audit trail.
    public func append(_ entry: Entry) throws {
        try file.append(entry)
    }

    /// Runs one change between an `intent` entry (nothing runs when it cannot be written) and a
    /// `done` or `failed` entry; `detail` says what changes.
    public func recording<Result>(
        _ action: String, instance: String, repository: String? = nil, detail: String,
        _ change: () async throws -> Result
    ) async throws -> Result {
        let entry = { (phase: String, problem: String?) in
            Entry(
                action: action, phase: phase, instance: instance, repository: repository,
                detail: problem.map { "\(detail): \($0)" } ?? detail)
        }
        try append(entry("intent", nil))
        let result: Result
        do {
            result = try await change()
        } catch {
            try? append(entry("failed", String(describing: error)))
            throw error
        }
        try append(entry("done", nil))
        return result
    }

    /// `recording`, for a change to `provider`'s instance.
    public func recording<Result>(
        _ action: String, on provider: any RegistryProvider, repository: String? = nil, detail: String,
        _ change: () async throws -> Result
    ) async throws -> Result {
        try await recording(action, instance: provider.instance.name, repository: repository, detail: detail, change)
    }

    /// Every entry in the log, oldest first (unreadable lines are skipped).
    public func entries() -> [Entry] { file.lines(Entry.self) }
}
