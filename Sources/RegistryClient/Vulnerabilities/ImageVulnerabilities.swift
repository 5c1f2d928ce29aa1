import Foundation

/// One tagged image of a repository and its newest report, as the vulnerability overview knows it.
public struct ImageVulnerabilities: Codable, Sendable, Equatable {
    public var digest: Digest
    /// The tags on the image, newest first.
    public var tags: [String]
    /// The image's `created` time (the newest of its tags').
    public var created: Date?
    /// The newest report; nil when the image has none, or when it was not looked at (`checked`).
    public var report: ImageReport?
    /// Whether the image's reports were looked at: older images are not, when looking costs requests.
    public var checked: Bool

    /// Creates an image entry.
    public init(digest: Digest, tags: [String], created: Date?, report: ImageReport? = nil, checked: Bool = false) {
        self.digest = digest
        self.tags = tags
        self.created = created
        self.report = report
        self.checked = checked
    }

    /// Findings no live suppression covers, worst first; nil without a report.
    public func openFindings(repository: String, suppressions: [Suppression], now: Date = Date()) -> [Finding]? {
        report.map {
            TriagedFinding.unsuppressed(
                $0.findings, suppressions: suppressions, repository: repository, digest: digest, now: now)
        }
    }
}
