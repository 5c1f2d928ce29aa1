import Foundation

/// Carries out a lifecycle plan: writes the journal, then compare-and-deletes each manifest through
/// `DeleteExecutor` (audit before and after), recording each one in the journal. A run that was
/// killed is finished by `resume`, which deletes nothing its journal does not list, or dropped by
/// `discard`; while it exists no other run starts.
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

    /// A run a previous process left unfinished.
    public struct Interrupted: Sendable, CustomStringConvertible {
        public var header: LifecycleJournal.Header
        /// Items finished before the interruption.
        public var done: Int
        /// The manifests still to delete, in the order the run deletes them.
        public var remaining: [LifecycleJournal.Item]

        public var started: Date { header.started }
        public var total: Int { header.items.count }
        /// Where it was planned: `local, repository app/svc`.
        public var location: String { "\(header.instance), \(header.scope ?? "scope unknown")" }

        /// Whether it is the run of `fingerprint` (`LifecycleJournal.fingerprint`): same instance, scope and rules.
        public func isRun(of fingerprint: String) -> Bool { header.fingerprint == fingerprint }

        /// The first manifests left, `app/svc@1a2b3c4d5e6f (build-1, build-2)`, and how many more.
        public func remainingSummary(limit: Int = 5) -> String {
            let shown = remaining.prefix(limit).map {
                "\($0.repository)@\($0.digest.short) (\($0.expected.keys.sorted().joined(separator: ", ")))"
            }
            return shown.joined(separator: ", ")
                + (remaining.count > limit ? " and \(remaining.count - limit) more" : "")
        }

        /// `interrupted lifecycle run on local, repository app/svc (rules keep5), started …: 3 of 19 manifests done, 16 left: …`.
        public var description: String {
            "interrupted lifecycle run on \(location) (rules \(header.rules.joined(separator: ", "))), started \(RFC3339.format(started)): "
                + "\(done) of \(total) manifests done, \(remaining.count) left: \(remainingSummary())"
        }
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

    /// The run a previous process left unfinished, if any.
    public var interrupted: Interrupted? {
        guard let (header, done) = journal.unfinished() else { return nil }
        let finished = Set(done.map { "\($0.repository)@\($0.digest)" })
        let remaining = header.items.filter { !finished.contains("\($0.repository)@\($0.digest)") }
        return Interrupted(header: header, done: done.count, remaining: Self.inRunOrder(remaining))
    }

    /// Items in the order a run deletes them: repository by repository, in name order.
    private static func inRunOrder(_ items: [LifecycleJournal.Item]) -> [LifecycleJournal.Item] {
        Set(items.map(\.repository)).sorted().flatMap { repository in items.filter { $0.repository == repository } }
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

    /// Applies `plan`, made from `rules` over `scope`, reporting each manifest as it is done.
    /// - Throws: when a previous run is unfinished (resume or discard it first), or the journal or
    ///   audit log cannot be written (then nothing more is deleted).
    public func apply(
        _ plan: LifecyclePlan, rules: [LifecycleRule], scope: LifecycleRule.Scope,
        progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void = { _, _ in }
    ) async throws -> Summary {
        if let interrupted {
            throw RegistryError(
                .refused, "there is an \(interrupted)",
                hint: "resume it (`lifecycle apply --resume`) or discard it (`lifecycle apply --discard-journal`) first"
            )
        }
        var knownTags: [String: [String]] = [:]
        for entry in plan.entries { knownTags[entry.repository, default: []].append(entry.tag) }
        let ids = rules.map(\.id)
        let header = LifecycleJournal.Header(
            started: Date(), instance: provider.instance.name, scope: scope.description,
            fingerprint: LifecycleJournal.fingerprint(instance: provider.instance.name, scope: scope, rules: rules),
            rules: ids,
            items: Self.items(of: plan), knownTags: knownTags)
        try journal.begin(header)
        try audit.append(
            .init(
                action: "lifecycle-run", phase: "intent", instance: header.instance,
                detail: "rules \(ids.joined(separator: ", ")) on \(scope): \(header.items.count) manifests"))
        return try await run(header, done: [], resuming: false, progress: progress)
    }

    /// Finishes the interrupted run, within its own scope and rules; nil when there is none.
    public func resume(
        progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void = { _, _ in }
    ) async throws -> Summary? {
        guard let (header, done) = journal.unfinished() else { return nil }
        try audit.append(
            .init(
                action: "lifecycle-run", phase: "resume", instance: header.instance,
                detail: "\(header.scope ?? "scope unknown"): \(done.count) of \(header.items.count) done before"))
        return try await run(header, done: done, resuming: true, progress: progress)
    }

    /// Drops the interrupted run without deleting anything more, noting it in the audit log; nil
    /// when there is none.
    public func discard() throws -> Interrupted? {
        guard let interrupted else { return nil }
        try audit.append(
            .init(
                action: "lifecycle-run", phase: "discard", instance: interrupted.header.instance,
                detail: "\(interrupted.header.scope ?? "scope unknown"): "
                    + "\(interrupted.done) of \(interrupted.total) done, \(interrupted.remaining.count) not deleted"))
        try journal.finish()
        return interrupted
    }

    private func run(
        _ header: LifecycleJournal.Header, done: [LifecycleJournal.Done], resuming: Bool,
        progress: @escaping @Sendable (LifecycleJournal.Item, DeleteExecutor.Outcome) -> Void
    ) async throws -> Summary {
        let finished = Set(done.map { "\($0.repository)@\($0.digest)" })
        var remaining = Self.inRunOrder(header.items.filter { !finished.contains("\($0.repository)@\($0.digest)") })
        var summary = Summary(outcomes: [], started: header.started, doneBefore: done.count)
        // The first item left was in flight when the run was killed: if it is gone, its delete went
        // through before the kill, and it is done (deleted), not moved.
        if resuming, let first = remaining.first,
            try await provider.currentDigest(repository: first.repository, tag: first.digest.description) == nil
        {
            try record(first, .deleted, detail: "deleted before the interruption", into: &summary, progress: progress)
            remaining.removeFirst()
        }
        let executor = DeleteExecutor(provider: provider, audit: audit)
        let journal = journal
        for repository in Set(remaining.map(\.repository)).sorted() {
            let items = remaining.filter { $0.repository == repository }
            let byDigest = Dictionary(uniqueKeysWithValues: items.map { ($0.digest, $0) })
            let plan = DeletePlan(
                instance: provider.instance, repository: repository, knownTags: Set(header.knownTags[repository] ?? []),
                items: items.map { item in
                    let tags = item.expected.keys.sorted()
                    return DeletePlan.Item(
                        repository: repository, digest: item.digest, requested: tags, tagsRemoved: tags,
                        expected: item.expected, decision: .delete)
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
        try audit.append(
            .init(
                action: "lifecycle-run", phase: "done", instance: header.instance,
                detail:
                    "rules \(header.rules.joined(separator: ", ")): deleted \(summary.deleted), skipped \(summary.skipped), failed \(summary.failed)"
            ))
        try history.record(
            .init(finished: Date(), deleted: summary.deleted, skipped: summary.skipped, failed: summary.failed),
            rules: header.rules)
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

    private static func done(
        _ item: LifecycleJournal.Item, _ outcome: DeleteExecutor.Outcome, detail: String?
    ) -> LifecycleJournal.Done {
        let word =
            switch outcome {
            case .deleted: "deleted"
            case .skipped: "skipped"
            case .failed: "failed"
            }
        let reason: String? =
            switch outcome {
            case .deleted: detail
            case .skipped(let refusal): refusal.description
            case .failed(let message): message
            }
        return LifecycleJournal.Done(repository: item.repository, digest: item.digest, outcome: word, detail: reason)
    }
}
