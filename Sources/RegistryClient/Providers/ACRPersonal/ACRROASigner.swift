import Crypto
import Foundation

/// Signs ACR Personal Edition (`2016-06-07`, ROA) requests with the legacy HMAC-SHA1 "acs" scheme:
/// method, `Accept`, `Content-MD5`, `Content-Type` and `Date` on a line each, the `x-acs-*` headers
/// lower-cased and sorted, then the path as sent with the query sorted and unencoded; the header
/// is `Authorization: acs AK:BASE64(HMAC-SHA1(secret, that string))`.
public struct ACRROASigner: Sendable {
    private let credential: AlibabaCredential

    /// Creates a signer for one credential.
    public init(credential: AlibabaCredential) {
        self.credential = credential
    }

    /// The headers to send: `headers` (which must hold `accept`, `date`, `x-acs-action`,
    /// `x-acs-version` and `x-acs-signature-nonce`, and `content-type` with a body) plus the
    /// signature method and version, the STS token when there is one, and `Authorization`.
    /// `path` is percent-encoded as it goes on the wire; `query` holds raw values.
    public func sign(
        method: HTTPMethod, path: String, query: [(String, String)], headers: [String: String]
    )
        -> HTTPHeaders
    {
        var signed = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
        signed["x-acs-signature-method"] = "HMAC-SHA1"
        signed["x-acs-signature-version"] = "1.0"
        if let token = credential.securityToken { signed["x-acs-security-token"] = token }
        let stringToSign = Self.stringToSign(method: method, path: path, query: query, headers: signed)
        var result = HTTPHeaders(signed.keys.sorted().map { ($0, signed[$0] ?? "") })
        let signature = Self.signature(of: stringToSign, secret: credential.accessKeySecret)
        result.set("Authorization", "acs \(credential.accessKeyID):\(signature)")
        return result
    }

    /// Base64(HMAC-SHA1(secret, text)).
    static func signature(of text: String, secret: String) -> String {
        let mac = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(text.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// The string the signature covers, for `headers` with lower-cased names.
    static func stringToSign(
        method: HTTPMethod, path: String, query: [(String, String)], headers: [String: String]
    ) -> String {
        let lines = [method.rawValue] + ["accept", "content-md5", "content-type", "date"].map { headers[$0] ?? "" }
        let acsHeaders = headers.keys.filter { $0.hasPrefix("x-acs-") }.sorted().map { "\($0):\(headers[$0] ?? "")\n" }
        return lines.map { $0 + "\n" }.joined() + acsHeaders.joined() + canonicalResource(path: path, query: query)
    }

    /// The path as sent, then `?` and the parameters sorted by name as `k=v` (a bare `k` for an
    /// empty value), unencoded.
    static func canonicalResource(path: String, query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        let parameters = query.sorted { $0.0 < $1.0 }.map { $0.1.isEmpty ? $0.0 : "\($0.0)=\($0.1)" }
        return path + "?" + parameters.joined(separator: "&")
    }
}
