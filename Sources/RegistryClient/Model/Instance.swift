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
    /// The server's own id of the instance (ACR `cri-…`), when it has one.
    public var serverID: String?
    /// The edition or size the provider sells it as (ACR `Enterprise_Basic`…).
    public var specification: String?
    /// The server's lifecycle state (ACR `RUNNING`…), when it reports one.
    public var state: String?
    /// Where the cloud credential that lists the instance came from (ACR's AccessKey), when one does.
    public var credentialSource: String?
    /// Why the instance could not be listed; such an instance cannot be opened.
    public var unavailableReason: String?

    /// Creates an instance.
    public init(
        name: String, kind: InstanceKind, url: URL?, region: String? = nil, origin: Origin,
        insecure: Bool = false, readOnly: Bool = false, production: Bool = false, serverID: String? = nil,
        specification: String? = nil,
        state: String? = nil, credentialSource: String? = nil, unavailableReason: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.url = url
        self.region = region
        self.origin = origin
        self.insecure = insecure
        self.readOnly = readOnly
        self.production = production
        self.serverID = serverID
        self.specification = specification
        self.state = state
        self.credentialSource = credentialSource
        self.unavailableReason = unavailableReason
    }

    public var id: String { name }

    /// `host[:port]` of the registry URL.
    public var host: String? { url.map(Self.hostAndPort) }

    /// Refuses a mutation on a read-only instance; `verb` says what was refused ("delete").
    /// - Throws: `RegistryError(.readOnly)`.
    public func requireWritable(to verb: String) throws {
        guard !readOnly else {
            throw RegistryError(
                .readOnly, "instance '\(name)' is read-only", hint: "remove read_only from its config entry to \(verb)")
        }
    }

    /// `host[:port]` of a URL, the form docker config keys and references use.
    public static func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? ""
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
