import Crypto
import Foundation

/// Signs Alibaba Cloud OpenAPI requests with ACS3-HMAC-SHA256 (the "V3" signature): a canonical
/// request over the method, path, RFC 3986 query, `host` and every `x-acs-*` header, hashed and
/// HMAC'd with the AccessKey secret.
public struct ACRSigner: Sendable {
    /// The algorithm name that opens the `Authorization` header.
    public static let algorithm = "ACS3-HMAC-SHA256"

    private let credential: AlibabaCredential

    /// Creates a signer for one credential.
    public init(credential: AlibabaCredential) {
        self.credential = credential
    }

    /// The headers to send: `headers` (which must hold `host`, `x-acs-action`, `x-acs-version`,
    /// `x-acs-date` and `x-acs-signature-nonce`) plus the payload hash, the STS token when there is
    /// one, and `Authorization`.
    public func sign(
        method: HTTPMethod, path: String = "/", query: [(String, String)], headers: [String: String],
        body: Data = Data()
    ) -> HTTPHeaders {
        var signed = Dictionary(
            uniqueKeysWithValues: headers.map { ($0.key.lowercased(), $0.value.trimmingCharacters(in: .whitespaces)) })
        let payloadHash = Self.hexSHA256(body)
        signed["x-acs-content-sha256"] = payloadHash
        if let token = credential.securityToken {
            signed["x-acs-security-token"] = token
            signed["x-acs-accesskey-id"] = credential.accessKeyID
        }
        let names = signed.keys.sorted()
        let canonical = Self.canonicalRequest(
            method: method, path: path, query: Self.canonicalQuery(query),
            headers: names.map { "\($0):\(signed[$0]!)" }, signedHeaders: names.joined(separator: ";"),
            payloadHash: payloadHash)
        let stringToSign = "\(Self.algorithm)\n\(Self.hexSHA256(Data(canonical.utf8)))"
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign.utf8), using: SymmetricKey(data: Data(credential.accessKeySecret.utf8)))
        var result = HTTPHeaders(names.map { ($0, signed[$0]!) })
        result.set(
            "Authorization",
            "\(Self.algorithm) Credential=\(credential.accessKeyID),SignedHeaders=\(names.joined(separator: ";")),Signature=\(Self.hex(mac))"
        )
        return result
    }

    /// `METHOD\nPATH\nQUERY\nheader:value\n…\n\nsigned;headers\nPAYLOAD_HASH`.
    static func canonicalRequest(
        method: HTTPMethod, path: String, query: String, headers: [String], signedHeaders: String, payloadHash: String
    ) -> String {
        [method.rawValue, path, query, headers.map { $0 + "\n" }.joined(), signedHeaders, payloadHash].joined(
            separator: "\n")
    }

    /// Parameters RFC 3986-encoded as `key=value`, sorted by encoded key, joined with `&`. Also the
    /// exact query string sent on the wire.
    public static func canonicalQuery(_ parameters: [(String, String)]) -> String {
        let encoded: [(key: String, value: String)] = parameters.map {
            (key: percentEncode($0.0), value: percentEncode($0.1))
        }
        let sorted = encoded.sorted { lhs, rhs in lhs.key == rhs.key ? lhs.value < rhs.value : lhs.key < rhs.key }
        return sorted.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// RFC 3986: `A-Z a-z 0-9 - _ . ~` kept, every other UTF-8 byte as upper-case `%XX`.
    public static func percentEncode(_ text: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }

    private static let unreserved: Set<UInt8> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    static func hexSHA256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private static func hex(_ mac: HashedAuthenticationCode<SHA256>) -> String {
        hex(Array(mac))
    }
}
