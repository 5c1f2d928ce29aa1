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
        let bytes = text.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let algorithm = bytes[..<colon]
        let encoded = bytes[bytes.index(after: colon)...]
        guard !algorithm.isEmpty, !encoded.isEmpty,
            algorithm.allSatisfy({ Self.isLowercaseAlphanumeric($0) || "+._-".utf8.contains($0) }),
            encoded.allSatisfy({ $0.isASCIIAlphanumeric || "=_-".utf8.contains($0) })
        else { return nil }
        let name = String(Substring(algorithm))
        switch name {
        case "sha256" where encoded.count != 64 || !encoded.allSatisfy(Self.isLowercaseHexOrDigit): return nil
        case "sha512" where encoded.count != 128 || !encoded.allSatisfy(Self.isLowercaseHexOrDigit): return nil
        default: break
        }
        self.algorithm = name
        self.encoded = String(Substring(encoded))
    }

    /// `0-9` or `a-z`.
    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// `0-9` or `a-f`.
    private static func isLowercaseHexOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// The SHA-256 digest of `data`.
    public static func sha256(of data: Data) -> Digest {
        Digest(uncheckedAlgorithm: "sha256", encoded: hex(SHA256.hash(data: data)))
    }

    private init(uncheckedAlgorithm algorithm: String, encoded: String) {
        self.algorithm = algorithm
        self.encoded = encoded
    }

    /// Lowercase hex of a hash, without per-byte string formatting.
    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(128)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `data` hashes to this digest (only sha256 and sha512 can be checked).
    public func matches(_ data: Data) -> Bool? {
        switch algorithm {
        case "sha256": return Self.sha256(of: data) == self
        case "sha512": return Self.hex(SHA512.hash(data: data)) == encoded
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

    /// Hashes the first 16 bytes of the encoded hash: they are already uniformly distributed, and
    /// plans and caches hash digests hundreds of thousands of times.
    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = encoded.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(16)))
        }
        if hashed == nil { hasher.combine(encoded) }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = Digest(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid digest \(text)"))
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
