import Foundation

/// A token from a registry token server.
struct BearerToken: Sendable {
    var value: String
    var expires: Date

    /// Whether it is still good for a request made now (with a safety margin).
    func isFresh(now: Date = Date()) -> Bool { expires.timeIntervalSince(now) > 10 }

    /// The token server's answer: `token` or `access_token`, `expires_in` (default 60 s), `issued_at`.
    struct Response: Decodable {
        var token: String?
        var access_token: String?
        var expires_in: LenientInt?
        var issued_at: String?
    }

    /// Decodes a token response.
    static func decode(_ data: Data, now: Date = Date()) throws -> BearerToken {
        let response = try JSONDecoder().decode(Response.self, from: data)
        guard let value = response.token ?? response.access_token, !value.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no token or access_token"))
        }
        let lifetime = max(60, response.expires_in?.value ?? 60)
        let issued = response.issued_at.flatMap(RFC3339.parse).map { min($0, now) } ?? now
        return BearerToken(value: value, expires: issued.addingTimeInterval(TimeInterval(lifetime)))
    }
}
