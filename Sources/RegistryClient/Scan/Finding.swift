/// One vulnerability in one package of an image, normalized from any scanner's report.
public struct Finding: Sendable, Hashable, Identifiable {
    /// The vulnerability id: CVE-…, GHSA-…, a distribution advisory.
    public var vulnerability: String
    /// Other ids for the same vulnerability.
    public var aliases: [String]
    public var severity: Severity
    /// The scanner's own severity word.
    public var sourceSeverity: String
    public var package: String
    public var installedVersion: String
    /// The first fixed version(s), nil when no fix exists.
    public var fixedVersion: String?
    public var title: String?
    public var description: String?
    public var cvssScore: Double?
    public var cvssVector: String?
    public var links: [String]
    /// The layer that brought the package in (digest), when the scanner says.
    public var layer: String?
    /// Where the package was found (OS packages, a lock file…).
    public var target: String?

    /// Creates a finding.
    public init(
        vulnerability: String, aliases: [String] = [], severity: Severity, sourceSeverity: String, package: String,
        installedVersion: String, fixedVersion: String? = nil, title: String? = nil, description: String? = nil,
        cvssScore: Double? = nil, cvssVector: String? = nil, links: [String] = [], layer: String? = nil,
        target: String? = nil
    ) {
        self.vulnerability = vulnerability
        self.aliases = aliases
        self.severity = severity
        self.sourceSeverity = sourceSeverity
        self.package = package
        self.installedVersion = installedVersion
        self.fixedVersion = fixedVersion.flatMap { $0.isEmpty ? nil : $0 }
        self.title = title
        self.description = description
        self.cvssScore = cvssScore
        self.cvssVector = cvssVector
        self.links = links
        self.layer = layer
        self.target = target
    }

    /// Identity across reports and scans: vulnerability, package and installed version.
    public var id: String { "\(vulnerability)|\(package)|\(installedVersion)" }

    /// Whether a fixed version exists.
    public var isFixable: Bool { fixedVersion != nil }

    /// The default order: severity, then CVSS score, then fixable first, then id — worst first.
    public static func triageOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        triageOrder(lhs.triageRank, rhs.triageRank) { lhs.id < rhs.id }
    }

    /// What `triageOrder` compares before the id: severity, CVSS score (-1 without) and fixability.
    fileprivate var triageRank: (Severity, Double, Bool) { (severity, cvssScore ?? -1, isFixable) }

    /// `triageOrder` on ranks, with `idOrder` answering whether `lhs.id < rhs.id` when it comes to that.
    fileprivate static func triageOrder(
        _ lhs: (Severity, Double, Bool), _ rhs: (Severity, Double, Bool), idOrder: () -> Bool
    ) -> Bool {
        if lhs.0 != rhs.0 { return lhs.0 > rhs.0 }
        if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
        if lhs.2 != rhs.2 { return lhs.2 }
        return idOrder()
    }
}

extension Collection {
    /// The elements in `Finding.triageOrder` of their findings. Each finding's rank and id are taken once
    /// and only those small keys move while sorting; the elements are copied once, into the result.
    /// Inlinable, so the caller's collection type (a lazy filter, say) is read without generic overhead.
    @inlinable
    public func sortedInTriageOrder(by finding: (Element) -> Finding) -> [Element] {
        let positions = Array(indices)
        let keys = positions.map { TriageKey(finding(self[$0])) }
        return TriageKey.sortedOffsets(keys).map { self[positions[$0]] }
    }
}

/// What `Finding.triageOrder` compares, taken from a finding once.
@usableFromInline
struct TriageKey {
    var rank: (Severity, Double, Bool)
    var id: String

    @usableFromInline
    init(_ finding: Finding) {
        rank = finding.triageRank
        id = finding.id
    }

    /// The offsets of `keys` in triage order.
    @usableFromInline
    static func sortedOffsets(_ keys: [TriageKey]) -> [Int] {
        keys.indices.sorted { lhs, rhs in
            Finding.triageOrder(keys[lhs].rank, keys[rhs].rank) { keys[lhs].id < keys[rhs].id }
        }
    }
}
