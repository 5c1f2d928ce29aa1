import Foundation

/// Request paths under `/v2/`. Repository names, tags and digests come from users and servers, so
/// each is checked against the distribution grammar before it is used and then percent-encoded
/// segment by segment: no name can add a segment, a `..`, a query or a fragment to a request.
enum DistributionPath {
    /// `/v2/<repository>/<suffix>…`, for fixed suffix segments (`tags`, `list`).
    /// - Throws: `RegistryError(.invalidReference)` for a repository outside the grammar.
    static func repository(_ repository: String, _ suffix: String...) throws -> String {
        try Reference.validateRepository(repository)
        let segments = repository.split(separator: "/").map(String.init) + suffix
        return "/v2/" + segments.map(encode(segment:)).joined(separator: "/")
    }

    /// `/v2/<repository>/manifests/<reference>`, where the reference is a tag or a digest.
    /// - Throws: `RegistryError(.invalidReference)` for a repository or reference outside the grammar.
    static func manifest(_ repository: String, _ reference: String) throws -> String {
        if Digest(reference) == nil { try Tag.requireValidName(reference) }
        return try self.repository(repository, "manifests", reference)
    }

    /// `/v2/<repository>/blobs/<digest>`.
    static func blob(_ repository: String, _ digest: Digest) throws -> String {
        try self.repository(repository, "blobs", digest.description)
    }

    /// Percent-encodes everything in `segment` but RFC 3986 unreserved characters and the `:`,
    /// `+` and `=` of digests, so `/`, `?`, `#` and `%` inside a name stay part of that one segment.
    static func encode(segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? ""
    }

    /// Whether `path` is absolute and holds only segment characters, `/` and `%XX` escapes: what
    /// the builders above produce, and what a URL path can take as it is.
    static func isEncoded(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit
                else { return false }
                index += 3
                continue
            }
            guard byte == UInt8(ascii: "/") || byte.isSegmentCharacter else { return false }
            index += 1
        }
        return true
    }

    private static let segmentCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:+=")
}

extension UInt8 {
    /// What `encode(segment:)` leaves as it is: letters, digits and `-._~:+=`.
    fileprivate var isSegmentCharacter: Bool {
        isASCIIAlphanumeric || "-._~:+=".utf8.contains(self)
    }

    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
