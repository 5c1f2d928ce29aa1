import Foundation

/// A scan report reduced to what the vulnerability overview shows and filters on (id, aliases,
/// severity, package, versions, title, CVSS score): who scanned and when, and where the report
/// came from. Stored in the overview snapshot, and reused when the report's origin has not changed.
public struct ImageReport: Sendable, Equatable {
    /// Findings in the report's order, with what the overview filters on.
    public var findings: [Finding]
    public var scanner: String
    public var scannedAt: Date?
    /// `referrer` for a report attached to the image, else the registry kind whose scanner made it.
    public var source: String
    /// The source of a report attached to the image as a referrer.
    public static let referrerSource = "referrer"
    /// What identifies this report at its source (the referrer manifest's digest), nil when the
    /// source has no stable identity: then the report is read again every time.
    public var origin: String?

    /// Reduces `report`.
    public init(_ report: ScanReport, source: String, origin: String?) {
        self.findings = report.findings.map { finding in
            Finding(
                vulnerability: finding.vulnerability, aliases: finding.aliases, severity: finding.severity,
                sourceSeverity: finding.sourceSeverity, package: finding.package,
                installedVersion: finding.installedVersion, fixedVersion: finding.fixedVersion, title: finding.title,
                cvssScore: finding.cvssScore)
        }
        self.scanner = [report.scanner, report.scannerVersion].compactMap { $0 }.joined(separator: " ")
        self.scannedAt = report.scannedAt
        self.source = source
        self.origin = origin
    }
}
