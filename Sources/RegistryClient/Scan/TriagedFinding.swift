import Foundation

/// A finding with the suppression decision that applies to it, if any.
public struct TriagedFinding: Sendable, Identifiable {
    /// Where the finding stands.
    public enum State: Sendable, Equatable {
        case open
        case suppressed(Suppression)
        /// A suppression applied but ran out: the finding is back, flagged.
        case expired(Suppression)
    }

    public var finding: Finding
    public var state: State

    public var id: String { finding.id }

    /// Whether a live suppression hides it.
    public var isSuppressed: Bool { if case .suppressed = state { true } else { false } }

    /// Applies `suppressions` to a report's findings for one image.
    public static func triage(
        _ findings: [Finding], suppressions: [Suppression], repository: String, digest: Digest?, now: Date = Date()
    ) -> [TriagedFinding] {
        findings.map { finding in
            let matching = suppressions.filter { $0.matches(finding, repository: repository, digest: digest) }
            if let live = matching.first(where: { !$0.isExpired(at: now) }) {
                return TriagedFinding(finding: finding, state: .suppressed(live))
            }
            if let expired = matching.first { return TriagedFinding(finding: finding, state: .expired(expired)) }
            return TriagedFinding(finding: finding, state: .open)
        }
    }

    /// The findings no live suppression covers, in triage order.
    public static func unsuppressed(
        _ findings: [Finding], suppressions: [Suppression], repository: String, digest: Digest?, now: Date = Date()
    ) -> [Finding] {
        triage(findings, suppressions: suppressions, repository: repository, digest: digest, now: now)
            .filter { !$0.isSuppressed }.map(\.finding).sortedInTriageOrder { $0 }
    }
}
