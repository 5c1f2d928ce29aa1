import Foundation

/// The record of one lifecycle run (`$XDG_STATE_HOME/regconsole/journals/lifecycle-<instance>.jsonl`):
/// the manifests it will delete, written before the first delete, then a line per manifest done. A
/// run that was killed leaves the file behind; the next run finishes it instead of planning anew,
/// and it is removed when the run ends.
public struct LifecycleJournal: Sendable {
    /// One manifest the run deletes.
    public struct Item: Codable, Sendable, Equatable {
        public var repository: String
        public var digest: Digest
        /// The tags that go with it, and the digest each pointed at when planned.
        public var expected: [String: Digest]

        /// Creates an item.
        public init(repository: String, digest: Digest, expected: [String: Digest]) {
            self.repository = repository
            self.digest = digest
            self.expected = expected
        }
    }

    /// The first line: what the run is going to do.
    public struct Header: Codable, Sendable {
        public var started: Date
        public var instance: String
        public var rules: [String]
        public var items: [Item]
        /// Every tag of each repository when planned, to notice tags pushed since.
        public var knownTags: [String: [String]]
    }

    /// A line per finished item.
    public struct Done: Codable, Sendable {
        public var repository: String
        public var digest: Digest
        /// `deleted`, `skipped` or `failed`.
        public var outcome: String
        public var detail: String?
    }

    private enum Line: Codable {
        case header(Header)
        case done(Done)
    }

    private let file: JSONLinesFile

    /// The journal of `instance`.
    public init(instance: String, directories: XDGDirectories) {
        file = JSONLinesFile(url: directories.state.appendingPathComponent("journals").appendingPathComponent("lifecycle-\(instance).jsonl"))
    }

    /// The unfinished run, if one was interrupted: its header and the items already done.
    public func unfinished() -> (header: Header, done: [Done])? {
        let lines = file.lines(Line.self)
        guard case .header(let header)? = lines.first else { return nil }
        let done = lines.compactMap { line -> Done? in if case .done(let done) = line { done } else { nil } }
        return (header, done)
    }

    /// Starts a run.
    func begin(_ header: Header) throws {
        try file.append(Line.header(header))
    }

    /// Records a finished item.
    func record(_ done: Done) throws {
        try file.append(Line.done(done))
    }

    /// Ends the run.
    func finish() throws {
        if file.exists { try FileManager.default.removeItem(at: file.url) }
    }
}
