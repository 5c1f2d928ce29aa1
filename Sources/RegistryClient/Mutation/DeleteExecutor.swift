/// Carries out a `DeletePlan`: for each manifest, re-check (compare), then delete, with an audit
/// entry before and after. A manifest whose tags moved since the plan, or that a tag pushed since
/// the plan points at, is skipped, never deleted. The tags are listed again right before each
/// delete, so what remains unchecked is one round trip: a tag pushed between that listing and the
/// `DELETE` request.
public struct DeleteExecutor: Sendable {
    /// What happened to one item.
    public enum Outcome: Sendable, Equatable {
        case deleted
        case skipped(DeleteRefusal)
        case failed(String)
    }

    private let provider: any RegistryProvider
    private let audit: AuditLog

    /// Creates an executor writing to `audit`.
    public init(provider: any RegistryProvider, audit: AuditLog) {
        self.provider = provider
        self.audit = audit
    }

    /// Executes every `.delete` item in order, reporting each outcome as it happens.
    /// - Throws: when the audit log cannot be written or `progress` throws (then nothing more is deleted).
    public func execute(
        _ plan: DeletePlan, progress: @Sendable (DeletePlan.Item, Outcome) throws -> Void = { _, _ in }
    ) async throws -> [(DeletePlan.Item, Outcome)] {
        var outcomes: [(DeletePlan.Item, Outcome)] = []
        for item in plan.deletions {
            guard let digest = item.digest else { continue }
            let entry = { (phase: String, detail: String?) in
                AuditLog.Entry(
                    action: "delete-manifest", phase: phase, instance: plan.instance.name, repository: plan.repository,
                    digest: digest.description, tags: item.tagsRemoved, detail: detail)
            }
            try audit.append(entry("intent", "requested: \(item.requested.joined(separator: ", "))"))
            let outcome: Outcome
            do {
                if let reason = try await changeSincePlan(item, digest: digest, plan: plan) {
                    outcome = .skipped(reason)
                } else {
                    try await provider.deleteManifest(repository: plan.repository, digest: digest)
                    outcome = .deleted
                }
            } catch let error as RegistryError {
                outcome = .failed(error.description)
            }
            switch outcome {
            case .deleted: try audit.append(entry("done", nil))
            case .skipped(let reason): try audit.append(entry("skipped", reason.description))
            case .failed(let reason): try audit.append(entry("failed", reason))
            }
            try progress(item, outcome)
            outcomes.append((item, outcome))
        }
        return outcomes
    }

    /// Why deleting now would differ from the plan, or nil when it is still exactly as planned. The
    /// tags pushed since the plan are checked last, to keep the unchecked window before the delete short.
    private func changeSincePlan(
        _ item: DeletePlan.Item, digest: Digest, plan: DeletePlan
    ) async throws -> DeleteRefusal? {
        let repository = plan.repository
        for (tag, expected) in item.expected.sorted(by: { $0.key < $1.key }) {
            let current = try await provider.currentDigest(repository: repository, tag: tag)
            if current != expected { return .tagMoved(tag: tag, now: current, planned: expected) }
        }
        if item.expected.isEmpty,
            try await provider.currentDigest(repository: repository, tag: digest.description) == nil
        {
            return .digestMissing(digest, repository: repository)
        }
        let joined = try await tagsPushedSincePlan(onto: digest, plan: plan)
        return joined.isEmpty ? nil : .tagsAdded(joined, digest: digest)
    }

    /// The tags that did not exist at plan time and point at `digest` now: listed and resolved afresh.
    private func tagsPushedSincePlan(onto digest: Digest, plan: DeletePlan) async throws -> [String] {
        let repository = plan.repository
        let names = try await provider.tags(repository: repository).collect().map(\.name).filter {
            !plan.knownTags.contains($0)
        }.sorted()
        let digests = try await BoundedConcurrency.map(names, limit: 16) { [provider] name in
            try await provider.currentDigest(repository: repository, tag: name)
        }
        return zip(names, digests).filter { $0.1 == digest }.map(\.0)
    }
}
