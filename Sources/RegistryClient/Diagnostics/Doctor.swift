import Foundation

/// `regconsole doctor`: checks, one after another, what an instance needs to work — name
/// resolution, TCP, TLS, the registry API, authentication, a read, the clock, ACR permissions and
/// the config file's mode — each within its own deadline, and says how to fix what fails.
///
/// A check that an earlier failure makes meaningless (TLS after no TCP connection) is not run and
/// not reported.
public struct Doctor: Sendable {
    /// How long each check may take.
    public struct Limits: Sendable {
        public var dns: Duration = .seconds(5)
        public var tcp: Duration = .seconds(3)
        public var tls: Duration = .seconds(5)
        /// One HTTP request (the api check, each permission probe).
        public var request: Duration = .seconds(8)
        /// The auth check, the token flow included.
        public var auth: Duration = .seconds(15)
        /// The read check.
        public var read: Duration = .seconds(15)

        public init() {}
    }

    /// The config file the instances come from, for the config-mode check.
    public struct ConfigFile: Sendable {
        public var path: String
        /// Its permission bits.
        public var mode: Int

        public init(path: String, mode: Int) {
            self.path = path
            self.mode = mode
        }
    }

    let session: RegistrySession
    let http: any HTTPClient
    let tls: any TLSInspecting
    let environment: [String: String]
    let configFile: ConfigFile?
    let limits: Limits
    let now: @Sendable () -> Date

    /// Creates a doctor over `session`, whose providers it uses for the auth and read checks;
    /// `http` sends the unauthenticated requests (it should be the session's).
    public init(
        session: RegistrySession, http: any HTTPClient, tls: any TLSInspecting, environment: [String: String],
        configFile: ConfigFile?, limits: Limits = Limits(), now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.session = session
        self.http = http
        self.tls = tls
        self.environment = environment
        self.configFile = configFile
        self.limits = limits
        self.now = now
    }

    /// The config entry a doctor argument names, and for `ENTRY.INSTANCE` of an ACR entry the
    /// instance; nil when there is none.
    public static func entry(named name: String, in config: Config) -> (entry: InstanceConfig, only: String?)? {
        if let entry = config.instance(named: name) { return (entry, nil) }
        guard let entry = config.instances.first(where: { $0.isACREnterprise && name.hasPrefix($0.name + ".") })
        else { return nil }
        return (entry, name)
    }

    /// The checks of one config entry, in order; `only` restricts an ACR entry to one of its instances.
    public func run(_ entry: InstanceConfig, only: String? = nil) async -> [DoctorCheck] {
        var checks: [DoctorCheck]
        if entry.kind == .acr {
            checks = await runACR(entry, only: only)
        } else {
            checks = await runRegistry(entry)
        }
        if case .password = entry.credentials, let configFile {
            checks.append(
                DoctorCheck(
                    instance: entry.name, name: .configMode,
                    outcome: ConfigFileMode.evaluate(file: configFile.path, mode: configFile.mode)))
        }
        // Each instance's rows together (in the order instances first appear), checks in run order.
        var instances: [String] = []
        for check in checks where !instances.contains(check.instance) { instances.append(check.instance) }
        let names = DoctorCheck.Name.allCases
        func key(_ item: (offset: Int, element: DoctorCheck)) -> (Int, Int, Int) {
            (
                instances.firstIndex(of: item.element.instance) ?? 0, names.firstIndex(of: item.element.name) ?? 0,
                item.offset
            )
        }
        return checks.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    // MARK: - Network

    /// The dns, tcp and (for https) tls checks of `url`; false when a later check would be meaningless.
    func reach(
        _ url: URL, instance: String, insecure: Bool, isACR: Bool, into checks: inout [DoctorCheck]
    ) async -> Bool {
        guard let host = url.host, !host.isEmpty else {
            checks.append(
                DoctorCheck(
                    instance: instance, name: .dns,
                    outcome: .failed(
                        "'\(url.absoluteString)' names no host", fix: "give the url as https://HOST[:PORT]")))
            return false
        }
        let isHTTPS = url.scheme?.lowercased() == "https"
        let port = url.port ?? (isHTTPS ? 443 : 80)
        let addresses: [NetworkProbe.Address]
        switch await NetworkProbe.resolve(host, timeout: limits.dns) {
        case .failure(let failure):
            let fix =
                isACR
                ? "check the region and endpoint: \(host) must be cr.REGION.aliyuncs.com (or your endpoint); a VPC endpoint resolves only inside its VPC"
                : "check the host in the url for typos; a VPC or intranet domain resolves only inside its network"
            checks.append(
                DoctorCheck(
                    instance: instance, name: .dns,
                    outcome: .failed("cannot resolve \(host): \(failure.message)", fix: fix)))
            return false
        case .success(let found):
            addresses = found
            checks.append(
                DoctorCheck(
                    instance: instance, name: .dns,
                    outcome: .passed("\(host) → \(found.map(\.text).joined(separator: ", "))")))
        }
        switch await NetworkProbe.reach(addresses, port: port, timeout: limits.tcp) {
        case .failure(let failure):
            let fix =
                isACR
                ? "check firewalls and security groups; the ACR endpoint must be switched on and its access list must allow this machine's address"
                : "check that the registry runs and listens on port \(port), and that no firewall, security group or access list blocks this machine"
            checks.append(
                DoctorCheck(
                    instance: instance, name: .tcp,
                    outcome: .failed("cannot connect to \(host):\(port): \(failure.message)", fix: fix)))
            return false
        case .success(let address):
            checks.append(
                DoctorCheck(
                    instance: instance, name: .tcp, outcome: .passed("connected to \(address.text) port \(port)")))
        }
        guard isHTTPS else { return true }
        let inspection = await tls.inspect(url, timeout: limits.tls)
        let outcome = TLSVerdict.evaluate(inspection, host: host, insecure: insecure, now: now())
        checks.append(DoctorCheck(instance: instance, name: .tls, outcome: outcome))
        return outcome.ok
    }

    /// An unauthenticated GET, within the request limit, without retries.
    func get(_ url: URL, insecure: Bool) async throws -> HTTPResponse {
        var request = HTTPRequest(url: url, maxResponseBytes: 1 << 20, security: insecure ? .insecure : .verified)
        request.timeout = limits.request
        request.allowsTransportRetry = false
        return try await DoctorDeadline.run(limits.request + .seconds(1)) { [http, request] in
            try await http.send(request)
        }
    }

    /// The clock check against a response's `Date` header.
    func clock(_ response: HTTPResponse, receivedAt local: Date, instance: String, host: String) -> DoctorCheck {
        DoctorCheck(
            instance: instance, name: .clock,
            outcome: ClockSkew.evaluate(serverDate: response.headers["Date"], local: local, host: host))
    }
}
