import Foundation

/// A registry the user works with: configured, found in a docker config, or named by host.
public struct Instance: Hashable, Sendable, Identifiable {
    /// Where the instance came from.
    public enum Origin: String, Sendable, Codable {
        case config
        case dockerConfig = "docker-config"
        case containersAuth = "containers-auth"
        case host
    }

    /// The name used in references (`NAME/namespace/repo:tag`) and in the instances pane.
    public var name: String
    public var kind: InstanceKind
    /// The registry's base URL (`https://host[:port]`).
    public var url: URL?
    /// Cloud region (ACR).
    public var region: String?
    public var origin: Origin
    /// TLS unverified and plain HTTP allowed.
    public var insecure: Bool
    /// Mutations hidden.
    public var readOnly: Bool
    /// Typed confirmations and a red status bar.
    public var production: Bool
    /// Provider-specific facts for display (ACR instance id, specification, status…).
    public var attributes: [String: String]

    /// Creates an instance.
    public init(
        name: String, kind: InstanceKind, url: URL?, region: String? = nil, origin: Origin,
        insecure: Bool = false, readOnly: Bool = false, production: Bool = false, attributes: [String: String] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.url = url
        self.region = region
        self.origin = origin
        self.insecure = insecure
        self.readOnly = readOnly
        self.production = production
        self.attributes = attributes
    }

    public var id: String { name }

    /// `host[:port]` of the registry URL.
    public var host: String? { url.map(Self.hostAndPort) }

    /// Refuses a mutation on a read-only instance; `verb` says what was refused ("delete").
    /// - Throws: `RegistryError(.readOnly)`.
    public func requireWritable(to verb: String) throws {
        guard !readOnly else {
            throw RegistryError(.readOnly, "instance '\(name)' is read-only", hint: "remove read_only from its config entry to \(verb)")
        }
    }

    /// `host[:port]` of a URL, the form docker config keys and references use.
    public static func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
