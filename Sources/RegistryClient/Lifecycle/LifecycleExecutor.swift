import Foundation

/// Carries out a lifecycle plan: writes the journal, then compare-and-deletes each manifest through
/// `DeleteExecutor` (audit before and after), recording each one in the journal. A run that was
/// killed is finished by `resume`, which deletes nothing its journal does not list.
public struct LifecycleExecutor: Sendable {
    /// What a run did.
    public struct Summary: Sendable {
        public var outcomes: [(item: LifecycleJournal.Item, outcome: DeleteExecutor.Outcome)]
        /// When the run was planned (earlier than now for a resumed run).
        public var started: Date
        /// Items finished before the interruption, for a resumed run.
        public var doneBefore: Int

        public var deleted: Int { outcomes.filter { $0.outcome == .deleted }.count }
        public var skipped: Int { outcomes.filter { if case .skipped = $0.outcome { true } else { false } }.count }
        public var failed: Int { outcomes.filter { if case .failed = $0.outcome { true } else { false } }.count }
    }

    private let provider: any RegistryProvider
    private let audit: AuditLog
    private let journal: LifecycleJournal
    private let history: LifecycleRunHistory

    /// An executor for `provider`'s instance, keeping its journal and history under `directories`.
    public init(provider: any RegistryProvider, directories: XDGDirectories) {
        self.provider = provider
        self.audit = AuditLog(directories: directories)
        self.journal = LifecycleJournal(instance: provider.instance.name, directories: directories)
        self.history = LifecycleRunHistory(instance: provider.instance.name, directories: directories)
    }

    /// The run a previous process left unfinished: when it started, and how many of its items are done.
    public var interrupted: (started: Date, done: Int, total: Int)? {
        journal.unfinished().map { ($0.header.started, $0.done.count, $0.header.items.count) }
    }

    /// The manifests a plan deletes, each with every tag that goes with it.
    public static func items(of plan: LifecyclePlan) -> [LifecycleJournal.Item] {
        var order: [String] = []
        var items: [String: LifecycleJournal.Item] = [:]
        for entry in plan.deletions {
            guard let digest = entry.digest else { continue }
            let key = "\(entry.repository)@\(digest)"
            if items[key] == nil {
                order.append(key)
                items[key] = LifecycleJournal.Item(repository: entry.repository, digest: digest, expected: [:])
            }
            items[key]?.expected[entry.tag] = digest
        }
        return order.compactMap { items[$0] }
    }

    /// Applies `plan` (made from `rules`), reporting each manifest as it is done.
    /// - Throws: when a previous run is unfinished (resume it first), or the journal or audit log
    ///   cannot be written (then nothing more is deleted).
    public func apply(
        _ plan: LifecyclePlan, rules: [String], progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void = { _, _ in }
    ) async throws -> Summary {
        if let interrupted {
            throw RegistryError(
                .refused, "a lifecycle run of \(provider.instance.name) started \(RFC3339.format(interrupted.started)) was interrupted (\(interrupted.done) of \(interrupted.total) done)",
                hint: "`regconsole lifecycle apply \(provider.instance.name)` finishes it before planning anew")
        }
        var knownTags: [String: [String]] = [:]
        for entry in plan.entries { knownTags[entry.repository, default: []].append(entry.tag) }
        let header = LifecycleJournal.Header(started: Date(), instance: provider.instance.name, rules: rules, items: Self.items(of: plan), knownTags: knownTags)
        try journal.begin(header)
        try audit.append(.init(action: "lifecycle-run", phase: "intent", instance: header.instance, detail: "rules \(rules.joined(separator: ", ")): \(header.items.count) manifests"))
        return try await run(header, done: [], progress: progress)
    }

    /// Finishes an interrupted run; nil when there is none.
    public func resume(progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void = { _, _ in }) async throws -> Summary? {
        guard let (header, done) = journal.unfinished() else { return nil }
        try audit.append(.init(action: "lifecycle-run", phase: "resume", instance: header.instance, detail: "\(done.count) of \(header.items.count) done before"))
        return try await run(header, done: done, progress: progress)
    }

    private func run(
        _ header: LifecycleJournal.Header, done: [LifecycleJournal.Done], progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void
    ) async throws -> Summary {
        let finished = Set(done.map { "\($0.repository)@\($0.digest)" })
        let remaining = header.items.filter { !finished.contains("\($0.repository)@\($0.digest)") }
        var summary = Summary(outcomes: [], started: header.started, doneBefore: done.count)
        let executor = DeleteExecutor(provider: provider, audit: audit)
        let journal = journal
        for repository in Set(remaining.map(\.repository)).sorted() {
            var items: [LifecycleJournal.Item] = []
            for item in remaining where item.repository == repository {
                // An item in flight when the run was killed may already be gone: that is done, not moved.
                if !done.isEmpty, try await provider.currentDigest(repository: repository, tag: item.digest.description) == nil {
                    try record(item, .deleted, detail: "deleted before the interruption", into: &summary, progress: progress)
                } else {
                    items.append(item)
                }
            }
            let byDigest = Dictionary(uniqueKeysWithValues: items.map { ($0.digest, $0) })
            let plan = DeletePlan(
                instance: provider.instance, repository: repository, knownTags: Set(header.knownTags[repository] ?? []),
                items: items.map { item in
                    let tags = item.expected.keys.sorted()
                    return DeletePlan.Item(repository: repository, digest: item.digest, requested: tags, tagsRemoved: tags, expected: item.expected, decision: .delete)
                })
            let outcomes = try await executor.execute(plan) { planned, outcome in
                guard let digest = planned.digest, let item = byDigest[digest] else { return }
                try journal.record(Self.done(item, outcome, detail: nil))
                progress(item, outcome)
            }
            for (planned, outcome) in outcomes {
                if let digest = planned.digest, let item = byDigest[digest] { summary.outcomes.append((item, outcome)) }
            }
        }
        try journal.finish()
        try audit.append(.init(
            action: "lifecycle-run", phase: "done", instance: header.instance,
            detail: "rules \(header.rules.joined(separator: ", ")): deleted \(summary.deleted), skipped \(summary.skipped), failed \(summary.failed)"))
        try history.record(.init(finished: Date(), deleted: summary.deleted, skipped: summary.skipped, failed: summary.failed), rules: header.rules)
        return summary
    }

    private func record(
        _ item: LifecycleJournal.Item, _ outcome: DeleteExecutor.Outcome, detail: String?, into summary: inout Summary,
        progress: @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void
    ) throws {
        try journal.record(Self.done(item, outcome, detail: detail))
        summary.outcomes.append((item, outcome))
        progress(item, outcome)
    }

    private static func done(_ item: LifecycleJournal.Item, _ outcome: DeleteExecutor.Outcome, detail: String?) -> LifecycleJournal.Done {
        let word = switch outcome {
        case .deleted: "deleted"
        case .skipped: "skipped"
        case .failed: "failed"
        }
        let reason: String? = switch outcome {
        case .deleted: detail
        case .skipped(let refusal): refusal.description
        case .failed(let message): message
        }
        return LifecycleJournal.Done(repository: item.repository, digest: item.digest, outcome: word, detail: reason)
    }
}
