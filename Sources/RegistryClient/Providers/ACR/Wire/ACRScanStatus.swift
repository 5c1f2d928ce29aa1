/// Where a tag's scan stands (GetRepoTagScanStatus): `SCANNING`, `COMPLETE`, `FAILED`,
/// `RETRYING`, or no scan yet.
struct ACRScanStatus: Decodable, Sendable {
    var Status: String?
    var ScanService: String?
}
