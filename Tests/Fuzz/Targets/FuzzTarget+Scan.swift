import Foundation
import RegistryClient

extension FuzzTarget {
    /// The scan report parsers. Each format has its own target and seed corpus; all of them enter
    /// through `ScanReportParser.parse`, as every caller does, so the format detector runs first and
    /// mutated seeds also reach the other parsers. `scan` starts from every format's seeds.
    static let scanTargets = ["scan", "trivy", "grype", "sarif", "cyclonedx", "harbor"].map { name in
        FuzzTarget(name: name) { data in
            guard let report = try? ScanReportParser.parse(data, source: "fuzz") else { return }
            for finding in report.findings {
                _ = (finding.id, finding.isFixable, finding.severity.rawValue)
            }
        }
    }
}
