import Crypto
import Foundation

/// A content digest such as `sha256:3587…913f`.
public struct Digest: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The algorithm, e.g. `sha256`.
    public let algorithm: String
    /// The encoded hash.
    public let encoded: String

    /// Parses `algorithm:encoded` per the OCI image spec grammar; sha256 must be 64 lowercase hex digits.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let algorithm = String(text[..<colon])
        let encoded = String(text[text.index(after: colon)...])
        guard !algorithm.isEmpty, !encoded.isEmpty,
            algorithm.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "+._-".contains($0)) }),
            encoded.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "=_-".contains($0)) })
        else { return nil }
        switch algorithm {
        case "sha256" where encoded.count != 64 || !encoded.allSatisfy(\.isLowercaseHex): return nil
        case "sha512" where encoded.count != 128 || !encoded.allSatisfy(\.isLowercaseHex): return nil
        default: break
        }
        self.algorithm = algorithm
        self.encoded = encoded
    }

    /// The SHA-256 digest of `data`.
    public static func sha256(of data: Data) -> Digest {
        let hex = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return Digest("sha256:" + hex)!
    }

    /// Whether `data` hashes to this digest (only sha256 and sha512 can be checked).
    public func matches(_ data: Data) -> Bool? {
        switch algorithm {
        case "sha256": return Self.sha256(of: data) == self
        case "sha512": return SHA512.hash(data: data).map { String(format: "%02x", $0) }.joined() == encoded
        default: return nil
        }
    }

    /// `algorithm:encoded`.
    public var description: String { "\(algorithm):\(encoded)" }

    /// The first 12 characters of the hash, as UIs show it.
    public var short: String { String(encoded.prefix(12)) }

    /// The tag under which the OCI referrers tag-schema fallback stores this digest's referrers.
    public var referrersFallbackTag: String { "\(algorithm)-\(encoded)" }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = Digest(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid digest \(text)"))
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    fileprivate var isLowercaseHex: Bool { isASCII && (isNumber || ("a"..."f").contains(self)) }
}
