/// A tag's scan state (GetRepoTagScanStatus).
struct ACRPersonalScanStatus: Decodable, Sendable {
    var status: String?
}

/// Finding counts of a tag's last scan (GetRepoTagScanSummary).
struct ACRPersonalScanCount: Decodable, Sendable {
    var totalCount: LenientInt?
    var highCount: LenientInt?
    var mediumCount: LenientInt?
    var lowCount: LenientInt?
    var unknownCount: LenientInt?
}

/// One finding (GetRepoTagScanList); `severity` is `high|medium|low|unknown` in any casing.
struct ACRPersonalVulnerabilityRecord: Decodable, Sendable {
    var cveName: String?
    var severity: String?
    var cveLink: String?
    var feature: String?
    var version: String?
    var versionFixed: String?
    var addedBy: String?
    var description: String?
}
