/// The report formats regconsole reads, and the OCI artifact types they travel under as referrers.
public enum ScanReportFormat: String, Sendable, CaseIterable, Codable {
    case trivy, grype, sarif, cyclonedx, harbor, acr

    /// The `artifactType` a report of this format is attached with.
    public var artifactType: String {
        switch self {
        case .trivy: "application/vnd.aquasec.trivy.report+json"
        case .grype: "application/vnd.anchore.grype.report+json"
        case .sarif: "application/sarif+json"
        case .cyclonedx: "application/vnd.cyclonedx+json"
        case .harbor: "application/vnd.goharbor.vulnerability.report+json"
        case .acr: "application/vnd.aliyun.acr.scan+json"
        }
    }

    /// Referrer artifact types that may hold a scan report (`application/json` is checked by content:
    /// trivy-plugin-referrer attaches cosign-vuln reports with it).
    public static let referrerTypes: Set<String> = Set(allCases.map(\.artifactType)).union(["application/json"])
}
