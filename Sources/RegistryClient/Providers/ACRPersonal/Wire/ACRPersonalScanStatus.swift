/// A tag's scan state (GetRepoTagScanStatus).
struct ACRPersonalScanStatus: Decodable, Sendable {
    var status: String?
}
