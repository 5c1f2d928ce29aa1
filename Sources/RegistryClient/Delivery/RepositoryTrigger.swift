import Foundation

/// A webhook a repository calls after a build: its target URL and which tags fire it.
public struct RepositoryTrigger: Sendable, Hashable, Identifiable {
    /// Which built tags fire the trigger.
    public enum Match: Sendable, Hashable {
        case allTags
        case tags([String])
        case regularExpression(String)

        /// `all`, `tags` or `regexp`, the CLI's words.
        public var kind: String {
            switch self {
            case .allTags: "all"
            case .tags: "tags"
            case .regularExpression: "regexp"
            }
        }

        /// The tags or the expression as one text (`v1,latest`; `*` for all tags).
        public var text: String {
            switch self {
            case .allTags: "*"
            case .tags(let tags): tags.joined(separator: ",")
            case .regularExpression(let pattern): pattern
            }
        }

        /// Reads the CLI's words: `all`, `tags` with comma-separated tags, `regexp` with a pattern.
        /// - Throws: `RegistryError(.invalidReference)` for another kind, no tags, or a pattern that
        ///   does not compile.
        public init(kind: String, text: String) throws {
            switch kind.lowercased() {
            case "all":
                self = .allTags
            case "tags", "tag_list":
                let tags = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                guard !tags.isEmpty else {
                    throw RegistryError(.invalidReference, "a tag-list trigger needs tags", hint: "e.g. v1,latest")
                }
                for tag in tags { try Tag.requireValidName(tag) }
                self = .tags(tags)
            case "regexp", "tag_reg_exp":
                try Self.requireCompiles(text)
                self = .regularExpression(text)
            default:
                throw RegistryError(
                    .invalidReference, "'\(kind)' is not a trigger type", hint: "use all, tags or regexp")
            }
        }

        /// Checks that a pattern compiles, with the compiler's reason.
        /// - Throws: `RegistryError(.invalidReference)`.
        public static func requireCompiles(_ pattern: String) throws {
            guard !pattern.isEmpty else {
                throw RegistryError(.invalidReference, "a regular-expression trigger needs a pattern", hint: "e.g. v.*")
            }
            do {
                _ = try Regex(pattern)
            } catch {
                throw RegistryError(.invalidReference, "'\(pattern)' is not a regular expression: \(error)")
            }
        }
    }

    /// The server's id (`crw-…`).
    public var id: String
    public var name: String
    /// The URL as stored, credentials included: show `maskedURL` instead.
    public var url: String
    public var match: Match
    /// What fires it (`BUILD_SUCCESS`), when the server says.
    public var event: String?

    /// Creates a trigger.
    public init(id: String = "", name: String, url: String, match: Match, event: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.match = match
        self.event = event
    }

    /// The URL with its userinfo password and query values hidden: what every view shows.
    public var maskedURL: String { URLCredentialMask.mask(url) }

    /// Checks name and URL: an http or https URL with a host.
    /// - Throws: `RegistryError(.invalidReference)` naming what is wrong.
    public func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RegistryError(.invalidReference, "a trigger needs a name")
        }
        try Self.requireWebURL(url)
    }

    /// Checks that `url` is an absolute http(s) URL with a host.
    /// - Throws: `RegistryError(.invalidReference)` with the masked URL.
    public static func requireWebURL(_ url: String) throws {
        let parsed = URL(string: url)
        guard let scheme = parsed?.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parsed?.host, !host.isEmpty
        else {
            throw RegistryError(
                .invalidReference, "'\(URLCredentialMask.mask(url))' is not an http or https URL",
                hint: "e.g. https://hooks.example.com/deploy")
        }
    }
}
