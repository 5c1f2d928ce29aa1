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
    private let environment: [String: String]
    /// Each locator's provider, stored while it is still being made so concurrent askers share it.
    private var providers: [String: Task<any RegistryProvider, any Error>] = [:]
    /// The instances of each ACR config entry, listed once (concurrent askers share the listing).
    private var acrListings: [String: Task<Result<[ACRInstanceDirectory.Listing], RegistryError>, Never>] = [:]

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
        self.environment = environment
        self.forceReadOnly = readOnly || config.readOnly
        self.content = content ?? ContentStore(directory: XDGDirectories(environment: environment).cache)
    }

    /// Configured instances (an ACR entry as the instances it stands for, listed over the OpenAPI
    /// in parallel), then registries found in the docker config and containers auth file that no
    /// configured instance already covers. An ACR entry that cannot be listed is one row whose
    /// `unavailableReason` says why.
    public func instances() async -> [Instance] {
        for entry in config.instances where entry.isACREnterprise { _ = acrListing(entry) }  // all regions at once
        var configured: [Instance] = []
        for entry in config.instances {
            if entry.kind == .acr, entry.edition == .personal {
                do {
                    configured.append(try personalProvider(entry).instance)
                } catch {
                    configured.append(ACRInstanceDirectory.failed(entry, error: error, forceReadOnly: forceReadOnly))
                }
                continue
            }
            guard entry.isACREnterprise else {
                configured.append(instance(for: entry))
                continue
            }
            switch await acrListing(entry).value {
            case .success(let found): configured += found.map(\.instance)
            case .failure(let error):
                configured.append(ACRInstanceDirectory.failed(entry, error: error, forceReadOnly: forceReadOnly))
            }
        }
        let configuredHosts = Set(configured.compactMap(\.host))
        var seen = configuredHosts
        let discovered = chain.knownHosts().compactMap { entry -> Instance? in
            guard seen.insert(entry.host).inserted else { return nil }
            let origin: Instance.Origin = entry.file.lastPathComponent == "auth.json" ? .containersAuth : .dockerConfig
            return Instance(
                name: entry.host, kind: .distribution, url: URL(string: "https://\(entry.host)"), origin: origin,
                readOnly: forceReadOnly)
        }
        return configured + discovered
    }

    /// The provider for an instance name or a registry host, made once: concurrent askers share
    /// one making, and a failed one is forgotten so the next ask tries again.
    /// - Throws: `RegistryError` when the locator is neither, or the host cannot be reached.
    public func provider(for locator: String) async throws -> any RegistryProvider {
        let making: Task<any RegistryProvider, any Error>
        if let started = providers[locator] {
            making = started
        } else {
            making = Task { try await self.makeProvider(for: locator) }
            providers[locator] = making
        }
        do {
            return try await making.value
        } catch {
            if providers[locator] == making { providers[locator] = nil }
            throw error
        }
    }

    /// The provider and repository a reference names.
    public func provider(for reference: Reference) async throws -> any RegistryProvider {
        try await provider(for: reference.locator)
    }

    private func instance(for entry: InstanceConfig) -> Instance {
        Instance(
            name: entry.name, kind: entry.kind, url: entry.url ?? entry.endpoint, region: entry.region, origin: .config,
            insecure: entry.insecure, readOnly: entry.readOnly || forceReadOnly, production: entry.production)
    }

    private func makeProvider(for locator: String) async throws -> any RegistryProvider {
        if let entry = config.instance(named: locator), !entry.isACREnterprise {
            return entry.kind == .acr ? try personalProvider(entry) : try makeProvider(entry)
        }
        if let acr = try await acrProvider(locator) {
            return acr
        }
        return try await hostProvider(locator)
    }

    private func makeProvider(_ entry: InstanceConfig) throws -> any RegistryProvider {
        guard let url = entry.url else {
            throw RegistryError(.invalidReference, "instance '\(entry.name)' has no url")
        }
        if entry.kind == .harbor {
            return HarborProvider(
                instance: instance(for: entry), baseURL: url, http: http, credentials: entry.credentials, chain: chain,
                content: content, limits: config.limits)
        }
        return DistributionProvider(
            instance: instance(for: entry), baseURL: url, http: http, credentials: entry.credentials, chain: chain,
            content: content, limits: config.limits)
    }

    /// The ACR Personal Edition instance of `entry`, with its region's client and credential.
    /// - Throws: `RegistryError` when no credential is found or the region is unknown.
    private func personalProvider(_ entry: InstanceConfig) throws -> ACRPersonalProvider {
        let credential = try AlibabaCredentialChain(environment: environment).resolve(profile: entry.profile)
        let client = try ACRPersonalClient(
            region: entry.region ?? "", endpoint: entry.endpoint, credential: credential, http: http)
        return ACRPersonalProvider(
            instance: ACRPersonalProvider.instance(
                for: entry, credentialSource: client.credentialSource, forceReadOnly: forceReadOnly),
            client: client, registryHost: entry.registry, http: http, content: content)
    }

    /// The ACR instance named `locator`: an entry with `instance_id`, or `ENTRY.INSTANCE_NAME`.
    /// Nil when no ACR entry can stand for the name.
    private func acrProvider(_ locator: String) async throws -> (any RegistryProvider)? {
        let entries = config.instances.filter {
            $0.isACREnterprise && (locator == $0.name || locator.hasPrefix($0.name + "."))
        }
        guard !entries.isEmpty else { return nil }
        for entry in entries { _ = acrListing(entry) }
        var known: [String] = []
        for entry in entries {
            switch await acrListing(entry).value {
            case .success(let found):
                if let match = found.first(where: { $0.instance.name == locator }) {
                    return ACRProvider(
                        instance: match.instance, instanceID: match.instanceID, client: match.client, http: http,
                        content: content)
                }
                known += found.map(\.instance.name)
            case .failure(let error) where locator == entry.name || entries.count == 1:
                throw error
            case .failure:
                break
            }
        }
        throw RegistryError(
            .notFound, "no ACR instance is named '\(locator)'",
            hint: known.isEmpty
                ? "the region has no instances this AccessKey can see" : "instances: \(known.joined(separator: ", "))")
    }

    /// The listing of an ACR entry's instances, started on first use.
    private func acrListing(
        _ entry: InstanceConfig
    ) -> Task<Result<[ACRInstanceDirectory.Listing], RegistryError>, Never> {
        if let started = acrListings[entry.name] { return started }
        let task = Task {
            [http, environment, forceReadOnly] () -> Result<[ACRInstanceDirectory.Listing], RegistryError> in
            do {
                let directory = try ACRInstanceDirectory(
                    entry: entry, http: http, environment: environment, forceReadOnly: forceReadOnly)
                return .success(try await directory.listings())
            } catch {
                return .failure(RegistryError(wrapping: error))
            }
        }
        acrListings[entry.name] = task
        return task
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
                    : "configured instances: \(names.joined(separator: ", ")); a host needs a '.' or ':' (or is localhost)"
            )
        }
        guard let secureURL = Self.hostURL(host, scheme: "https"), let plainURL = Self.hostURL(host, scheme: "http")
        else {
            throw RegistryError(.invalidReference, "'\(host)' is not a registry host", hint: "use HOST[:PORT]/NAME")
        }
        func make(_ url: URL) -> DistributionProvider {
            let instance = Instance(
                name: host, kind: .distribution, url: url, origin: .host, insecure: allowInsecureHosts,
                readOnly: forceReadOnly)
            return DistributionProvider(
                instance: instance, baseURL: url, http: http, credentials: .unspecified, chain: chain, content: content,
                limits: config.limits)
        }
        if Self.isLoopback(host) {
            let plain = make(plainURL)
            return await plain.speaksRegistryAPI() ? plain : make(secureURL)
        }
        let secure = make(secureURL)
        guard allowInsecureHosts else { return secure }
        do {
            try await secure.probe()
            return secure
        } catch let error as RegistryError where [.tls, .network, .invalidResponse, .timeout].contains(error.code) {
            return make(plainURL)
        } catch {
            return secure  // it speaks HTTPS (an auth challenge, for example)
        }
    }

    /// `scheme://host` when `host` is a bare `HOST[:PORT]`: no spaces, user, path, query or fragment.
    static func hostURL(_ host: String, scheme: String) -> URL? {
        guard let components = URLComponents(string: "\(scheme)://\(host)"), components.host?.isEmpty == false,
            components.user == nil, components.path.isEmpty, components.query == nil, components.fragment == nil
        else { return nil }
        return components.url
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
