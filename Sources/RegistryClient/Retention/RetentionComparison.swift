/// The server's dry run beside regconsole's preview, tag by tag: where they agree, which tags only
/// one of them deletes, and where the server erred or one side lacks the tag.
public struct RetentionComparison: Sendable, Equatable {
    /// How the two sides relate for a tag.
    public enum Agreement: String, Sendable, Equatable {
        case same
        case onlyServerDeletes = "only-server-deletes"
        case onlyPreviewDeletes = "only-preview-deletes"
        /// Both keep it, one as protected by immutability.
        case differ
        /// The server reported `ERR`, or one side does not list the tag.
        case error
    }

    /// One tag (or untagged artifact).
    public struct Row: Sendable, Equatable {
        public var repository: String
        public var tag: String?
        public var digest: String
        /// Nil when the preview does not list the tag.
        public var preview: RetentionDecision?
        /// Why the preview decided so.
        public var reason: String
        /// Nil when the server does not list the tag.
        public var server: RetentionTaskLog.Outcome?
        public var agreement: Agreement
    }

    /// Differences first, then the rest, each in preview order (server-only tags last).
    public var rows: [Row]

    /// Compares. Preview verdicts outside every rule's repositories are left out unless the server
    /// lists them: Harbor runs no task there.
    public init(preview: [RetentionVerdict], server: [RetentionTaskLog.TagResult]) {
        var serverByKey: [String: RetentionTaskLog.TagResult] = [:]
        for result in server where serverByKey[result.key] == nil { serverByKey[result.key] = result }
        var seen = Set<String>()
        var rows: [Row] = []
        for verdict in preview where seen.insert(verdict.key).inserted {
            let result = serverByKey[verdict.key]
            if result == nil && !verdict.inScope { continue }
            rows.append(
                Row(
                    repository: verdict.repository, tag: verdict.tag, digest: verdict.digest,
                    preview: verdict.decision, reason: verdict.reason, server: result?.outcome,
                    agreement: Self.agreement(verdict.decision, result?.outcome)))
        }
        for result in server where seen.insert(result.key).inserted {
            rows.append(
                Row(
                    repository: result.repository, tag: result.tag, digest: result.digest, preview: nil,
                    reason: "", server: result.outcome, agreement: .error))
        }
        self.rows = rows.filter { $0.agreement != .same } + rows.filter { $0.agreement == .same }
    }

    /// How many tags both sides decide alike.
    public var agreeing: Int { rows.count { $0.agreement == .same } }
    /// How many tags they decide differently (or one side lacks).
    public var differing: Int { rows.count - agreeing }
    /// Whether every tag is decided alike.
    public var agrees: Bool { differing == 0 }

    /// "server and preview agree on N of M tags; K differ".
    public var summary: String {
        "server and preview agree on \(agreeing) of \(rows.count) tags; \(differing) differ"
    }

    static func agreement(_ preview: RetentionDecision?, _ server: RetentionTaskLog.Outcome?) -> Agreement {
        guard let preview, let server, let decided = server.decision else { return .error }
        if decided == preview { return .same }
        if decided == .delete { return .onlyServerDeletes }
        if preview == .delete { return .onlyPreviewDeletes }
        return .differ
    }
}
