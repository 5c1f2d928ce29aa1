import Foundation
import RegistryClient

/// One row of `:vulns`: a repository's newest image, or in the every-tag scope one of its images,
/// with the open findings of its report.
struct OverviewRow: Identifiable, Sendable {
    enum Status: Sendable {
        case pending, noTags, noReport
        case failed(String)
        case scanned
    }

    /// Which repository a row belongs to: the key its images are read by.
    struct Source: Hashable, Sendable {
        var instance: String
        var repository: String
    }

    var source: Source
    /// The image shown; nil until read, and for a repository without tags.
    var image: ImageVulnerabilities?
    /// Findings no live suppression covers, triage order.
    var open: [Finding] = []
    /// The open findings of the older images whose reports were read (newest-tag rows only).
    var olderOpen: [[Finding]] = []
    var status = Status.pending
    /// Shown from the saved overview, not read again yet.
    var isSaved = false
    /// Read again, with counts that differ from the saved overview's.
    var changed = false
    /// The rows of one repository in the every-tag scope: the first keeps the repository's id.
    var id: String

    var repository: String { source.repository }
    var instance: String { source.instance }
    var counts: [Severity: Int] { open.severityCounts }
    var worst: Severity? { open.first?.severity }
    var fixable: Int { open.count(where: \.isFixable) }

    /// A row waiting to be read.
    init(pending source: Source) {
        self.source = source
        self.id = Self.id(source, image: nil)
    }

    private init(_ source: Source, image: ImageVulnerabilities?, first: Bool) {
        self.source = source
        self.image = image
        self.id = Self.id(source, image: first ? nil : image?.digest)
    }

    private static func id(_ source: Source, image: Digest?) -> String {
        "\(source.instance)\u{0}\(source.repository)" + (image.map { "@\($0)" } ?? "")
    }

    /// The rows of one repository read (or saved) in `scope`.
    static func rows(
        _ entry: RepositoryVulnerabilities, instance: String, scope: TagScope, suppressions: [Suppression], now: Date
    ) -> [OverviewRow] {
        let source = Source(instance: instance, repository: entry.repository)
        func open(_ image: ImageVulnerabilities) -> [Finding]? {
            image.openFindings(repository: entry.repository, suppressions: suppressions, now: now)
        }
        func row(_ image: ImageVulnerabilities?, first: Bool) -> OverviewRow {
            var row = OverviewRow(source, image: image, first: first)
            if let image {
                let findings = open(image)
                row.open = findings ?? []
                row.status = findings == nil ? .noReport : .scanned
            } else {
                row.status = .noTags
            }
            return row
        }
        switch scope {
        case .all where !entry.images.isEmpty:
            return entry.images.enumerated().map { row($1, first: $0 == 0) }
        case .all, .newest:
            var newest = row(entry.newest, first: true)
            newest.olderOpen = entry.older.compactMap(open)
            return [newest]
        }
    }

    /// The row of a repository that could not be read.
    static func failed(_ source: Source, message: String) -> OverviewRow {
        var row = OverviewRow(pending: source)
        row.status = .failed(message)
        return row
    }

    /// How many older images have an open finding `matches` keeps (any open finding without one).
    func olderMatching(_ matches: ((Finding) -> Bool)?) -> Int {
        olderOpen.count { findings in matches.map { findings.contains(where: $0) } ?? !findings.isEmpty }
    }
}
