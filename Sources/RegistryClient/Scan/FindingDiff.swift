/// What changed between the findings of two images (say, the last release and this one).
public struct FindingDiff: Sendable {
    /// How a finding moved.
    public enum Change: String, Sendable, CaseIterable {
        case new, fixed, unchanged
    }

    /// Every finding of either image with its change, new first, then fixed, then unchanged; each
    /// group in triage order.
    public let entries: [(change: Change, finding: Finding)]

    /// Compares `before` (A) with `after` (B) by vulnerability, package and installed version.
    public init(before: [Finding], after: [Finding]) {
        let beforeIDs = Set(before.map(\.id))
        let afterIDs = Set(after.map(\.id))
        let new = after.filter { !beforeIDs.contains($0.id) }.sortedInTriageOrder { $0 }
        let fixed = before.filter { !afterIDs.contains($0.id) }.sortedInTriageOrder { $0 }
        let unchanged = after.filter { beforeIDs.contains($0.id) }.sortedInTriageOrder { $0 }
        entries = new.map { (.new, $0) } + fixed.map { (.fixed, $0) } + unchanged.map { (.unchanged, $0) }
    }

    /// How many findings each change has.
    public var counts: [Change: Int] { entries.reduce(into: [:]) { $0[$1.change, default: 0] += 1 } }
}
