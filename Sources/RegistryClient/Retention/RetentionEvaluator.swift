import Foundation

/// regconsole's own reading of a Harbor retention policy over a project's artifacts, as Harbor's
/// engine decides: a repository is in scope when an enabled rule's repository selector picks its
/// name within the project; in it each such rule's candidates are the artifacts with a tag its tag
/// selector picks (untagged ones when the rule says so), of which its template keeps some; an
/// artifact any rule keeps stays, every other one in scope goes, unless an immutability rule
/// protects one of its tags (`immutable`). Repositories no rule covers are left alone.
public struct RetentionEvaluator: Sendable {
    public let policy: HarborRetentionPolicy
    /// The project, so that repository selectors see names within it.
    public let project: String
    /// "Now" for the day-based templates.
    public let now: Date

    /// An evaluator of `policy` in `project` as of `now`.
    public init(policy: HarborRetentionPolicy, project: String, now: Date = Date()) {
        self.policy = policy
        self.project = project
        self.now = now
    }

    /// The decision about each artifact, in the order given, with the reason.
    public struct ArtifactVerdict: Sendable, Equatable {
        public var candidate: RetentionCandidate
        public var decision: RetentionDecision
        public var reason: String
        /// Whether an enabled rule covers the artifact's repository.
        public var inScope: Bool
    }

    /// One verdict per tag (one per untagged artifact), artifacts in the order given.
    public func verdicts(_ candidates: [RetentionCandidate]) -> [RetentionVerdict] {
        evaluate(candidates).flatMap { verdict in
            let tags: [String?] = verdict.candidate.tags.isEmpty ? [nil] : verdict.candidate.tags
            return tags.map { tag in
                RetentionVerdict(
                    repository: verdict.candidate.repository, tag: tag, digest: verdict.candidate.digest,
                    decision: verdict.decision, reason: verdict.reason, inScope: verdict.inScope)
            }
        }
    }

    /// The decision about each artifact, in the order given.
    public func evaluate(_ candidates: [RetentionCandidate]) -> [ArtifactVerdict] {
        var byRepository: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() {
            byRepository[candidate.repository, default: []].append(index)
        }
        var verdicts = candidates.map {
            ArtifactVerdict(candidate: $0, decision: .keep, reason: "no rule covers its repository", inScope: false)
        }
        for (repository, indices) in byRepository {
            let name = HarborPath.shortName(of: repository, in: project)
            let rules = policy.rules.enumerated().filter {
                !$0.element.disabled && $0.element.repositories.selects(name)
            }
            guard !rules.isEmpty else { continue }
            var keptBy: [Int: Int] = [:]
            for (ruleIndex, rule) in rules {
                let chosen = indices.filter { Self.isCandidate(candidates[$0], of: rule) }
                for index in kept(chosen, candidates: candidates, rule: rule) where keptBy[index] == nil {
                    keptBy[index] = ruleIndex
                }
            }
            for index in indices {
                verdicts[index].inScope = true
                if let ruleIndex = keptBy[index] {
                    verdicts[index].decision = .keep
                    verdicts[index].reason = "rule \(ruleIndex + 1) keeps \(policy.rules[ruleIndex].templateWords)"
                } else if candidates[index].immutable {
                    verdicts[index].decision = .immutable
                    verdicts[index].reason = "no rule keeps it, an immutability rule protects it"
                } else {
                    verdicts[index].decision = .delete
                    verdicts[index].reason = "no rule keeps it"
                }
            }
        }
        return verdicts
    }

    /// Whether the rule's tag selector picks the artifact: `matches` when a tag matches, `excludes`
    /// when a tag does not; an untagged artifact when the rule takes untagged ones.
    static func isCandidate(_ candidate: RetentionCandidate, of rule: HarborRetentionRule) -> Bool {
        if candidate.tags.isEmpty { return rule.untagged }
        return candidate.tags.contains { rule.tags.selects($0) }
    }

    /// The indices (into `candidates`) of `chosen` that the rule's template keeps; ties in time
    /// keep the listing's order (newest pushed first).
    private func kept(_ chosen: [Int], candidates: [RetentionCandidate], rule: HarborRetentionRule) -> [Int] {
        let n = rule.parameter ?? 0
        let cutoff = now.addingTimeInterval(-Double(n) * 86_400)
        func newest(by time: (RetentionCandidate) -> Date?) -> [Int] {
            let ordered = chosen.enumerated().sorted { a, b in
                let (x, y) = (time(candidates[a.element]) ?? .distantPast, time(candidates[b.element]) ?? .distantPast)
                return x != y ? x > y : a.offset < b.offset
            }
            return ordered.prefix(max(0, n)).map(\.element)
        }
        switch rule.kind {
        case .latestPushedK: return newest { $0.pushed }
        case .latestPulledN: return newest { $0.pulled }
        case .latestActiveK: return newest { [$0.pushed, $0.pulled].compactMap { $0 }.max() }
        case .nDaysSinceLastPush, .lastXDays: return chosen.filter { (candidates[$0].pushed ?? .distantPast) >= cutoff }
        case .nDaysSinceLastPull: return chosen.filter { (candidates[$0].pulled ?? .distantPast) >= cutoff }
        case .always: return chosen
        case nil: return []
        }
    }
}
