import Foundation

/// Asks a registry host, anonymously and briefly, which scheme it answers on and whether it is
/// Harbor: `GET /api/v2.0/systeminfo` answers a JSON object with `auth_mode` (and, to a signed-in
/// caller, `harbor_version`) on Harbor only.
struct RegistryHostProbe: Sendable {
    /// What the host answered.
    struct Answer: Sendable, Equatable {
        /// `scheme://HOST[:PORT]`, the scheme it answered on.
        var url: URL
        var isHarbor: Bool
    }

    let http: any HTTPClient
    /// The longest one request may take.
    let timeout: Duration

    /// The answer of `host`, nil when it answered on no scheme tried: plain HTTP first for loopback
    /// hosts and hosts the docker config spells `http://`, then HTTPS.
    func probe(host: String, plainHTTP: Bool) async -> Answer? {
        let schemes = plainHTTP || RegistrySession.isLoopback(host) ? ["http", "https"] : ["https"]
        for scheme in schemes {
            guard let base = RegistrySession.hostURL(host, scheme: scheme) else { return nil }
            var request = HTTPRequest(
                url: base.appendingPathComponent("api/v2.0/systeminfo"), maxResponseBytes: 64 * 1024,
                security: scheme == "http" ? .insecure : .verified)
            request.headers.set("Accept", "application/json")
            request.timeout = timeout
            request.allowsTransportRetry = false
            guard let response = try? await http.send(request) else { continue }
            return Answer(url: base, isHarbor: response.status == 200 && Self.isHarborSystemInfo(response.body))
        }
        return nil
    }

    /// Whether `body` is Harbor's `systeminfo` object.
    static func isHarborSystemInfo(_ body: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return false }
        return object["harbor_version"] is String || object["auth_mode"] is String
    }
}
