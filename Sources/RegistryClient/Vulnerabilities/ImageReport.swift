import Foundation

/// A scan report reduced to what the vulnerability overview shows and filters on: the findings
/// without their long texts, who scanned and when, and where the report came from. Stored in the
/// overview snapshot, and reused when the report's origin has not changed.
public struct ImageReport: Codable, Sendable, Equatable {
    /// Findings in the report's order, without descriptions and links.
    public var findings: [Finding]
    public var scanner: String
    public var scannedAt: Date?
    /// `referrer` for a report attached to the image, else the registry kind whose scanner made it.
    public var source: String
    /// What identifies this report at its source (the referrer manifest's digest), nil when the
    /// source has no stable identity: then the report is read again every time.
    public var origin: String?

    /// Reduces `report`.
    public init(_ report: ScanReport, source: String, origin: String?) {
        self.findings = report.findings.map { finding in
            var kept = finding
            kept.description = nil
            kept.links = []
            return kept
        }
        self.scanner = [report.scanner, report.scannerVersion].compactMap { $0 }.joined(separator: " ")
        self.scannedAt = report.scannedAt
        self.source = source
        self.origin = origin
    }
}
