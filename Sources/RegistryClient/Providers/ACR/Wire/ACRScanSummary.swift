/// Finding counts of a tag's last scan (GetRepoTagScanSummary).
struct ACRScanSummary: Decodable, Sendable {
    var HighSeverity: LenientInt?
    var MediumSeverity: LenientInt?
    var LowSeverity: LenientInt?
    var UnknownSeverity: LenientInt?
}
