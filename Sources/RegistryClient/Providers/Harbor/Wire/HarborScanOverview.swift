/// One report's overview in an artifact's `scan_overview` (keyed by report MIME type) or in the
/// answer to `…/additions/vulnerabilities`.
struct HarborScanOverview: Decodable, Sendable {
    /// Finding counts: `total`, `fixable`, and per severity word (`High`, `Medium`…).
    struct Summary: Decodable, Sendable {
        var total: Int?
        var fixable: Int?
        var summary: [String: Int]?
    }

    /// The scanner that wrote the report.
    struct Scanner: Decodable, Sendable {
        var name: String?
        var vendor: String?
        var version: String?
    }

    var reportID: String?
    /// `Pending`, `Scheduled`, `Running`, `Success`, `Error` or `Stopped`.
    var scanStatus: String?
    /// The worst severity found: `None` without findings (some scanners send `""`).
    var severity: String?
    /// Seconds the scan took.
    var duration: Int?
    var completePercent: Int?
    var startTime: HarborTime?
    var endTime: HarborTime?
    var scanner: Scanner?
    var summary: Summary?

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case scanStatus = "scan_status"
        case severity
        case duration
        case completePercent = "complete_percent"
        case startTime = "start_time"
        case endTime = "end_time"
        case scanner
        case summary
    }

    /// The report MIME types Harbor is asked for, in order (the `X-Accept-Vulnerabilities` value).
    static let reportTypes = [
        "application/vnd.security.vulnerability.report; version=1.1",
        "application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0",
    ]

    /// The findings of one severity word; a severity missing from the summary has none.
    func count(of severity: String) -> Int {
        summary?.summary?[severity] ?? 0
    }

    /// The overview of the first known report type in a MIME-keyed map, else of its only key.
    static func preferred(in overviews: [String: HarborScanOverview]?) -> HarborScanOverview? {
        guard let overviews else { return nil }
        return reportTypes.lazy.compactMap { overviews[$0] }.first
            ?? (overviews.count == 1 ? overviews.first?.value : nil)
    }
}
