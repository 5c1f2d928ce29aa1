import Foundation

/// The facade the CLI and the console share: turns instance names and hosts from references into
/// providers, built once per session and reused (with their auth state and connections).
public actor RegistrySession {
    /// The loaded config.
    public nonisolated let config: Config
    /// Digest-addressed manifest and config cache shared by all providers.
    public nonisolated let content: ContentStore
    private let http: any HTTPClient
    private let chain: CredentialChain
    private let allowInsecureHosts: Bool
    private let forceReadOnly: Bool
    private var providers: [String: any RegistryProvider] = [:]

    /// Creates a session.
    /// - Parameters:
    ///   - insecure: `--insecure`: plain HTTP and unverified TLS for hosts named in references.
    ///   - readOnly: `--read-only`: every instance becomes read-only.
    public init(
        config: Config, http: any HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
        insecure: Bool = false, readOnly: Bool = false, content: ContentStore? = nil
    ) {
        self.config = config
        self.http = http
        self.chain = CredentialChain(environment: environment)
        self.allowInsecureHosts = insecure
        self.forceReadOnly = readOnly || config.readOnly
        self.content = content ?? ContentStore(directory: XDGDirectories(environment: environment).cache)
    }

    /// Configured instances, then registries found in the docker config and containers auth file
    /// that no configured instance already covers.
    public func instances() -> [Instance] {
        let configured = config.instances.map(instance(for:))
        let configuredHosts = Set(configured.compactMap(\.host))
        var seen = configuredHosts
        let discovered = chain.knownHosts().compactMap { entry -> Instance? in
            guard seen.insert(entry.host).inserted else { return nil }
            let origin: Instance.Origin = entry.file.lastPathComponent == "auth.json" ? .containersAuth : .dockerConfig
            return Instance(name: entry.host, kind: .distribution, url: URL(string: "https://\(entry.host)"), origin: origin, readOnly: forceReadOnly)
        }
        return configured + discovered
    }

    /// The provider for an instance name or a registry host.
    /// - Throws: `RegistryError` when the locator is neither, or the host cannot be reached.
    public func provider(for locator: String) async throws -> any RegistryProvider {
        if let existing = providers[locator] { return existing }
        let provider: any RegistryProvider
        if let entry = config.instance(named: locator) {
            provider = try makeProvider(entry)
        } else {
            provider = try await hostProvider(locator)
        }
        providers[locator] = provider
        return provider
    }

    /// The provider and repository a reference names.
    public func provider(for reference: Reference) async throws -> any RegistryProvider {
        try await provider(for: reference.locator)
    }

    private func instance(for entry: InstanceConfig) -> Instance {
        Instance(
            name: entry.name, kind: entry.kind, url: entry.url ?? entry.endpoint, region: entry.region, origin: .config,
            insecure: entry.insecure, readOnly: entry.readOnly || forceReadOnly, production: entry.production,
            attributes: entry.instanceID.map { ["instanceId": $0] } ?? [:])
    }

    private func makeProvider(_ entry: InstanceConfig) throws -> any RegistryProvider {
        let instance = instance(for: entry)
        switch entry.kind {
        case .distribution, .harbor:
            guard let url = entry.url else {
                throw RegistryError(.invalidReference, "instance '\(entry.name)' has no url")
            }
            return DistributionProvider(instance: instance, baseURL: url, http: http, credentials: entry.credentials, chain: chain, content: content)
        case .acr:
            throw RegistryError(.unsupported, "instance '\(entry.name)' is an ACR instance, which this build cannot browse yet", hint: "use its registry endpoint as a distribution instance")
        }
    }

    /// A provider for `HOST[:PORT]`: HTTPS, with plain HTTP for loopback hosts (as docker allows;
    /// tried first there, since loopback traffic never leaves the machine) and, with `--insecure`,
    /// as a fallback for any host.
    private func hostProvider(_ host: String) async throws -> any RegistryProvider {
        guard Self.looksLikeHost(host) else {
            let names = config.instances.map(\.name)
            throw RegistryError(
                .invalidReference, "'\(host)' is neither a configured instance nor a registry host",
                hint: names.isEmpty
                    ? "use HOST[:PORT]/NAME, or add instances to the config (regconsole config path)"
                    : "configured instances: \(names.joined(separator: ", ")); a host needs a '.' or ':' (or is localhost)")
        }
        func make(_ scheme: String) -> DistributionProvider {
            let url = URL(string: "\(scheme)://\(host)")!
            let instance = Instance(name: host, kind: .distribution, url: url, origin: .host, insecure: allowInsecureHosts, readOnly: forceReadOnly)
            return DistributionProvider(instance: instance, baseURL: url, http: http, credentials: .unspecified, chain: chain, content: content)
        }
        if Self.isLoopback(host) {
            let plain = make("http")
            return await plain.speaksRegistryAPI() ? plain : make("https")
        }
        let secure = make("https")
        guard allowInsecureHosts else { return secure }
        do {
            try await secure.probe()
            return secure
        } catch let error as RegistryError where [.tls, .network, .invalidResponse, .timeout].contains(error.code) {
            return make("http")
        } catch {
            return secure  // it speaks HTTPS (an auth challenge, for example)
        }
    }

    /// Docker's rule: a first segment is a host when it has a `.` or `:` or is `localhost`.
    static func looksLikeHost(_ text: String) -> Bool {
        text.contains(".") || text.contains(":") || text == "localhost"
    }

    /// `localhost` and `127.0.0.0/8`, with or without a port.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.split(separator: ":").first.map(String.init) ?? host
        return name == "localhost" || name.hasPrefix("127.") || host.hasPrefix("[::1]")
    }
}
