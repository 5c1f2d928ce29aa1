import Foundation

/// The record of one lifecycle run (`$XDG_STATE_HOME/regconsole/journals/lifecycle-<instance>.jsonl`):
/// the manifests it will delete, written before the first delete, then a line per manifest done. A
/// run that was killed leaves the file behind, and it is removed when the run ends. Its header
/// carries a fingerprint of the instance, scope and rules it was planned with: only a run of the
/// same three may finish it without being told to.
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
        /// Where the run was planned (`repository app/svc`); nil in journals older than the field.
        public var scope: String?
        /// `fingerprint(instance:scope:rules:)` of the run; nil in journals older than the field.
        public var fingerprint: String?
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

    /// The rules as they decide a plan, one canonical encoding: rules in id order, fields by name.
    private struct CanonicalRule: Encodable {
        var id, scope: String
        var retentionTagCount, keepPushedWithinDays: Int?
        var tagRegexp: String?
        var deleteUntagged: Bool
    }

    private struct CanonicalRun: Encodable {
        var instance, scope: String
        var rules: [CanonicalRule]
    }

    /// A hash of everything that decides what a run deletes: the instance, the scope it was planned
    /// over, and every field of every rule that can change a decision.
    public static func fingerprint(instance: String, scope: LifecycleRule.Scope, rules: [LifecycleRule]) -> String {
        let canonical = CanonicalRun(
            instance: instance, scope: scope.description,
            rules: rules.sorted { $0.id < $1.id }.map { rule in
                CanonicalRule(
                    id: rule.id, scope: rule.scope.description, retentionTagCount: rule.retentionTagCount,
                    keepPushedWithinDays: rule.keepPushedWithinDays, tagRegexp: rule.tagRegexp,
                    deleteUntagged: rule.deleteUntagged)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and booleans cannot fail.
        return Digest.sha256(of: (try? encoder.encode(canonical)) ?? Data()).description
    }

    private enum Line: Codable {
        case header(Header)
        case done(Done)
    }

    private let file: JSONLinesFile

    /// The journal of `instance`.
    public init(instance: String, directories: XDGDirectories) {
        file = JSONLinesFile(
            url: directories.state.appendingPathComponent("journals").appendingPathComponent(
                "lifecycle-\(instance).jsonl"))
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
