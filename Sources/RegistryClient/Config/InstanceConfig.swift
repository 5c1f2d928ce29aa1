import Foundation

/// One `[[instances]]` entry of the config file.
public struct InstanceConfig: Sendable, Equatable {
    public var name: String
    public var kind: InstanceKind
    /// Registry URL (distribution, harbor).
    public var url: URL?
    /// Cloud region (acr).
    public var region: String?
    /// One ACR instance; nil stands for every instance in the region.
    public var instanceID: String?
    /// OpenAPI endpoint override (acr).
    public var endpoint: URL?
    /// Alibaba Cloud profile (acr).
    public var profile: String?
    /// Which ACR API the entry speaks (acr).
    public var edition: ACREdition
    /// The registry host (`HOST[:PORT]`) of a Personal Edition entry, when not the one the API reports.
    public var registry: String?
    public var credentials: CredentialSource
    public var production: Bool
    public var readOnly: Bool
    public var insecure: Bool

    /// Creates an entry.
    public init(
        name: String, kind: InstanceKind, url: URL? = nil, region: String? = nil, instanceID: String? = nil,
        endpoint: URL? = nil, profile: String? = nil, edition: ACREdition = .enterprise, registry: String? = nil,
        credentials: CredentialSource = .unspecified, production: Bool = false, readOnly: Bool = false,
        insecure: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.url = url
        self.region = region
        self.instanceID = instanceID
        self.endpoint = endpoint
        self.profile = profile
        self.edition = edition
        self.registry = registry
        self.credentials = credentials
        self.production = production
        self.readOnly = readOnly
        self.insecure = insecure
    }

    /// Whether the entry stands for ACR Enterprise instances, listed over the OpenAPI.
    public var isACREnterprise: Bool { kind == .acr && edition == .enterprise }

    /// The keys an entry may have.
    static let allowedKeys = [
        "name", "kind", "url", "region", "instance_id", "endpoint", "profile", "edition", "registry", "username",
        "password_env",
        "password_command", "password", "production", "read_only", "insecure",
    ]

    /// Reads and validates one entry.
    /// - Parameter fileIsPrivate: whether the file is readable by its owner only (plain passwords need it).
    static func read(_ section: TOMLSection, fileIsPrivate: Bool) throws -> InstanceConfig {
        try section.rejectUnknownKeys(allowed: allowedKeys)
        let name = try section.requiredString("name")
        if let problem = nameProblem(name) {
            let grammar = "use letters, digits, '.', '_' and '-', starting with a letter or digit"
            throw section.error("name", "'\(name)' is not a usable name: \(problem); \(grammar)")
        }
        let kindText = try section.string("kind") ?? InstanceKind.distribution.rawValue
        guard let kind = InstanceKind(rawValue: kindText) else {
            throw section.error(
                "kind",
                "unknown kind '\(kindText)'; use one of \(InstanceKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        var entry = InstanceConfig(name: name, kind: kind)
        entry.url = try readURL(section, "url")
        entry.endpoint = try readURL(section, "endpoint")
        entry.region = try section.string("region")
        entry.instanceID = try section.string("instance_id")
        entry.profile = try section.string("profile")
        entry.production = try section.bool("production") ?? false
        entry.readOnly = try section.bool("read_only") ?? false
        entry.insecure = try section.bool("insecure") ?? false
        entry.credentials = try readCredentials(section, fileIsPrivate: fileIsPrivate)
        try readEdition(section, into: &entry)

        switch kind {
        case .distribution, .harbor:
            guard entry.url != nil else {
                throw section.error(nil, "a \(kind.rawValue) instance needs url = \"https://host[:port]\"")
            }
        case .acr:
            guard entry.region != nil else {
                throw section.error(nil, "an acr instance needs region = \"cn-hangzhou\" (or another region id)")
            }
        }
        return entry
    }

    /// `edition` and `registry`: ACR entries only, and `registry` and `instance_id` make sense for one
    /// edition each.
    private static func readEdition(_ section: TOMLSection, into entry: inout InstanceConfig) throws {
        if let text = try section.string("edition") {
            guard entry.kind == .acr else { throw section.error("edition", "edition applies to kind = \"acr\" only") }
            guard let edition = ACREdition(rawValue: text) else {
                throw section.error(
                    "edition",
                    "unknown edition '\(text)'; use one of \(ACREdition.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            entry.edition = edition
        }
        if let host = try section.string("registry") {
            guard entry.kind == .acr, entry.edition == .personal else {
                throw section.error(
                    "registry", "registry applies to edition = \"personal\" (Enterprise instances report their own)")
            }
            guard ACRRegistryAccess.isHostName(host) else {
                throw section.error("registry", "'\(host)' is not HOST[:PORT], e.g. registry.cn-hangzhou.aliyuncs.com")
            }
            entry.registry = host
        }
        if entry.edition == .personal, entry.instanceID != nil {
            throw section.error(
                "instance_id", "a Personal Edition entry is one instance per region: remove instance_id")
        }
    }

    /// Why `name` breaks the grammar `[A-Za-z0-9][A-Za-z0-9._-]*` (at most 64 characters), nil when it does not.
    static func nameProblem(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "it is empty" }
        guard name.unicodeScalars.count <= 64 else { return "it is longer than 64 characters" }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard isAlphanumeric(first) else { return "it starts with \(describe(first))" }
        let bad = name.unicodeScalars.first { !isAlphanumeric($0) && !"._-".unicodeScalars.contains($0) }
        return bad.map { "it contains \(describe($0))" }
    }

    /// `'/'`, `a space`, or `U+001B (a control character)`.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            return "\(code) (a control character)"
        }
        if scalar.properties.isWhitespace { return "\(code) (a space)" }
        return "'\(scalar)'"
    }

    private static func readURL(_ section: TOMLSection, _ key: String) throws -> URL? {
        guard let text = try section.string(key) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            throw section.error(key, "'\(text)' is not an http:// or https:// URL with a host")
        }
        return url
    }

    private static func readCredentials(_ section: TOMLSection, fileIsPrivate: Bool) throws -> CredentialSource {
        let username = try section.string("username")
        let variable = try section.string("password_env")
        let command = try section.stringOrStrings("password_command")
        let password = try section.string("password")
        let given = [variable != nil, command != nil, password != nil].filter { $0 }.count
        guard given <= 1 else {
            throw section.error("username", "give only one of password_env, password_command, password")
        }
        guard let username else {
            if given > 0 { throw section.error(nil, "a password is configured but username is missing") }
            return .unspecified
        }
        if let variable { return .passwordEnvironment(username: username, variable: variable) }
        if let command {
            guard !command.isEmpty, !command[0].isEmpty else {
                throw section.error("password_command", "the command is empty")
            }
            return .passwordCommand(username: username, arguments: command)
        }
        if let password {
            guard fileIsPrivate else {
                throw section.error(
                    "password",
                    "a plain password needs a file only its owner can read: chmod 600 the file, or use password_env / password_command"
                )
            }
            return .password(username: username, password: password)
        }
        throw section.error(
            "username", "username is set but no password source: add password_env, password_command or password")
    }
}
