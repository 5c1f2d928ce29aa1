import Foundation

/// A vulnerability report about one image, from any scanner, normalized.
public struct ScanReport: Sendable {
    public var format: ScanReportFormat
    /// The scanner's name and version (`Trivy 0.56.1`).
    public var scanner: String
    public var scannerVersion: String?
    public var scannedAt: Date?
    /// What was scanned, as the report names it.
    public var artifact: String?
    /// `complete`, or the provider's scan status.
    public var status: String
    public var findings: [Finding]

    /// Creates a report.
    public init(
        format: ScanReportFormat, scanner: String, scannerVersion: String? = nil, scannedAt: Date? = nil,
        artifact: String? = nil, status: String = "complete", findings: [Finding]
    ) {
        self.format = format
        self.scanner = scanner
        self.scannerVersion = scannerVersion
        self.scannedAt = scannedAt
        self.artifact = artifact
        self.status = status
        self.findings = findings
    }

    /// Findings per severity.
    public var counts: [Severity: Int] { findings.severityCounts }

    /// The worst severity found, nil without findings.
    public var worst: Severity? { findings.map(\.severity).max() }
}

extension Sequence where Element == Finding {
    /// Findings per severity.
    public var severityCounts: [Severity: Int] {
        reduce(into: [:]) { $0[$1.severity, default: 0] += 1 }
    }
}
