/// A reference to a repository or image: `LOCATOR/REPOSITORY[:TAG][@DIGEST]`, where the locator
/// is an instance name from the config or a registry `HOST[:PORT]`.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// Instance name or host.
    public var locator: String
    /// Full repository path (`ns/app`, `mirror/library/alpine`).
    public var repository: String
    public var tag: String?
    public var digest: Digest?

    /// Creates a reference from parts that are already valid.
    public init(locator: String, repository: String, tag: String? = nil, digest: Digest? = nil) {
        self.locator = locator
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses `LOCATOR/REPOSITORY[:TAG][@DIGEST]`.
    /// - Throws: `RegistryError` with code `.invalidReference` naming the part that is wrong.
    public static func parse(_ text: String) throws -> Reference {
        var rest = Substring(text)
        var digest: Digest?
        if let at = rest.lastIndex(of: "@") {
            let digestText = String(rest[rest.index(after: at)...])
            guard let parsed = Digest(digestText) else {
                throw RegistryError(
                    .invalidReference, "'\(text)': '\(digestText)' is not a digest",
                    hint: "digests look like sha256:<64 hex digits>")
            }
            digest = parsed
            rest = rest[..<at]
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw RegistryError(
                .invalidReference, "'\(text)' names no repository",
                hint: "use INSTANCE/NAMESPACE/NAME or HOST[:PORT]/NAME, e.g. local/library/alpine:3.19")
        }
        let locator = String(rest[..<slash])
        var path = rest[rest.index(after: slash)...]
        var tag: String?
        if let colon = path.lastIndex(of: ":") {
            tag = String(path[path.index(after: colon)...])
            path = path[..<colon]
        }
        let repository = String(path)
        guard !locator.isEmpty else {
            throw RegistryError(.invalidReference, "'\(text)' has an empty instance or host", hint: "use INSTANCE/NAME")
        }
        try validateRepository(repository, in: text)
        if let tag, !Tag.isValidName(tag) {
            throw RegistryError(
                .invalidReference, "'\(text)': '\(tag)' is not a valid tag",
                hint: "tags are 1-128 characters of letters, digits, '_', '.', '-', not starting with '.' or '-'")
        }
        return Reference(locator: locator, repository: repository, tag: tag, digest: digest)
    }

    /// Checks a repository path against the distribution spec grammar.
    public static func validateRepository(_ repository: String, in text: String? = nil) throws {
        let context = text.map { "'\($0)': " } ?? ""
        guard !repository.isEmpty else {
            throw RegistryError(
                .invalidReference, "\(context)repository name is empty", hint: "use INSTANCE/NAMESPACE/NAME")
        }
        guard Repository.isValidName(repository) else {
            throw RegistryError(
                .invalidReference, "\(context)'\(repository)' is not a valid repository name",
                hint: "path components are lowercase letters and digits separated by '.', '_', '__' or '-'")
        }
    }

    /// The same reference without tag and digest.
    public var repositoryReference: Reference { Reference(locator: locator, repository: repository) }

    /// The tag or digest as the manifest endpoint takes it (digest preferred).
    public var manifestIdentifier: String? { digest?.description ?? tag }

    /// `locator/repository[:tag][@digest]`.
    public var description: String {
        var text = "\(locator)/\(repository)"
        if let tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }
}
