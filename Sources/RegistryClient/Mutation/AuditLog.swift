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
        public init(action: String, phase: String, instance: String, repository: String? = nil, digest: String? = nil, tags: [String]? = nil, detail: String? = nil) {
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
    public let url: URL

    /// A log at `url`.
    public init(url: URL) {
        self.url = url
    }

    /// The default log under the XDG state directory.
    public init(directories: XDGDirectories) {
        self.init(url: directories.state.appendingPathComponent("audit.log"))
    }

    /// Appends one entry and syncs it to disk.
    /// - Throws: when the log cannot be written; callers must not mutate without an audit trail.
    public func append(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(0x0A)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Every entry in the log, oldest first (unreadable lines are skipped).
    public func entries() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0)) }
    }
}
