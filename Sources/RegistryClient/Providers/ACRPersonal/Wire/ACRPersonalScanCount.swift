/// Finding counts of a tag's last scan (GetRepoTagScanSummary).
struct ACRPersonalScanCount: Decodable, Sendable {
    var totalCount: LenientInt?
    var highCount: LenientInt?
    var mediumCount: LenientInt?
    var lowCount: LenientInt?
    var unknownCount: LenientInt?
}
