import Foundation

/// What a registry's listing says about an image's last server-side scan (Harbor's
/// `scan_overview`): enough for a SCAN column without reading the report.
public struct ServerScanOverview: Sendable, Hashable {
    /// Where the scan stands.
    public var state: ServerScanState
    /// Findings per severity of the last complete scan; a severity absent has none.
    public var counts: [Severity: Int]
    /// Findings with a fixed version, when the registry counts them.
    public var fixable: Int?
    /// The scanner, e.g. `Trivy v0.51.2`.
    public var scanner: String?
    /// When the scan ended.
    public var finished: Date?
    /// How far a running scan is, 0–100, when reported.
    public var percent: Int?

    /// Creates an overview.
    public init(
        state: ServerScanState, counts: [Severity: Int] = [:], fixable: Int? = nil, scanner: String? = nil,
        finished: Date? = nil, percent: Int? = nil
    ) {
        self.state = state
        self.counts = counts
        self.fixable = fixable
        self.scanner = scanner
        self.finished = finished
        self.percent = percent
    }
}
