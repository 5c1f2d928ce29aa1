import Synchronization

/// What a registry answered about the referrers API: unknown until a reply says. A registry that
/// answers the API's path with a non-JSON 404, 400 or 405 has no API (CNCF distribution 2.x), so
/// the `sha256-<hex>` fallback tag in a tag list is the whole truth about an image's referrers.
final class ReferrersSupport: Sendable {
    private static let (unknown, present, absent): (UInt8, UInt8, UInt8) = (0, 1, 2)
    private let state = Atomic<UInt8>(ReferrersSupport.unknown)

    /// Whether the registry was seen to lack the API.
    var isKnownAbsent: Bool { state.load(ordering: .relaxed) == Self.absent }

    /// Records an answer to a referrers request.
    func record(_ response: HTTPResponse, isIndex: Bool) {
        if isIndex {
            state.store(Self.present, ordering: .relaxed)
        } else if state.load(ordering: .relaxed) != Self.present, [400, 404, 405].contains(response.status),
            !(response.headers["Content-Type"] ?? "").lowercased().contains("json")
        {
            state.store(Self.absent, ordering: .relaxed)
        }
    }
}
