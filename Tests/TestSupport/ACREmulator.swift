import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Alibaba Cloud ACR Enterprise OpenAPI emulator (Tests/Harness/acr_emulator.py) serving the
/// repositories of a real registry as instance `cri-emulated0001`.
///
/// Each emulator gets fresh random credentials: the main key (full access), a read-only key (List*
/// and Get* only; anything else answers 403 NoPrivilege) and an STS key that must be sent with its
/// security token.
public struct ACREmulator: Sendable {
    /// An access key the emulator accepts. `token` is set for the STS key only.
    public struct Key: Sendable, Equatable {
        public var id: String
        public var secret: String
        public var token: String?

        public init(id: String, secret: String, token: String? = nil) {
            self.id = id
            self.secret = secret
            self.token = token
        }
    }

    /// One emulated instance: `cri-emulated0001` (emulator-main, the registry's repositories) and
    /// `cri-emulated0002` (emulator-empty).
    public struct Instance: Decodable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    /// One entry of the emulator's request log (every signed API request, in order; control
    /// requests are not logged). The emulator does not record query parameters.
    public struct RecordedRequest: Decodable, Sendable, Equatable {
        /// The `x-acs-action` header ("" when missing).
        public var action: String
        /// The HTTP method.
        public var method: String
        /// The `Credential=` id of the Authorization header, also when authentication failed.
        public var accessKeyId: String?
        /// The HTTP status of the answer.
        public var status: Int?
        /// The answer's `Code` (`success`, `SignatureDoesNotMatch`, `Throttling.User`, …).
        public var code: String?
        /// `enterprise` (the `cr` 2018-12-01 API) or `personal` (Personal Edition, `cr` 2016-06-07):
        /// the two share several action names.
        public var edition: String?
    }

    /// `http://127.0.0.1:PORT`.
    public var url: String
    /// `127.0.0.1:PORT`, the endpoint an SDK or the provider is configured with.
    public var endpoint: String
    public var region: String
    public var instances: [Instance]
    /// The main key: every action.
    public var key: Key
    /// A key limited to List* and Get* actions.
    public var readOnlyKey: Key
    /// A temporary (STS) key; its `token` must be sent as the security token.
    public var stsKey: Key
    private let service: ServiceProcess

    public var accessKeyID: String { key.id }
    public var accessKeySecret: String { key.secret }

    private struct Ready: Decodable {
        var url: String
        var endpoint: String
        var region: String
        var instances: [Instance]
    }

    /// Starts an emulator over `registry`, which must carry a username and password (the harness's
    /// `basic` registry does). Its model is private to the caller: change it at will.
    /// - Parameter clockOffset: seconds the emulator's clock is ahead of the real one (behind when
    ///   negative): its `Date` header and the time it checks signatures against.
    public static func start(
        registry: HarnessState.Registry, region: String = "cn-hangzhou", clockOffset: Int = 0
    ) async throws -> ACREmulator {
        guard let username = registry.username, let password = registry.password else {
            throw TestSupportError(
                "the ACR emulator needs a registry with a username and password (\(registry.url) has none)")
        }
        let key = Key(id: "LTAI" + randomString(20), secret: randomString(30))
        let readOnlyKey = Key(id: "LTAI" + randomString(20), secret: randomString(30))
        let stsKey = Key(id: "STS." + randomString(24), secret: randomString(30), token: randomString(64))
        let arguments =
            [
                "--access-key-id", key.id, "--access-key-secret", key.secret,
                "--readonly-key", "\(readOnlyKey.id):\(readOnlyKey.secret)",
                "--sts-key", "\(stsKey.id):\(stsKey.secret):\(stsKey.token ?? "")",
                "--region", region,
                "--registry", registry.url, "--registry-username", username, "--registry-password", password,
                "--clock-offset", String(clockOffset),
            ] + (registry.snapshot.map { ["--registry-snapshot", $0] } ?? [])
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("acr_emulator.py"), arguments)
        let ready: Ready
        do {
            ready = try JSONDecoder().decode(Ready.self, from: service.readyLine)
        } catch {
            service.stop()
            throw TestSupportError(
                "acr_emulator.py printed an unexpected ready line: \(String(decoding: service.readyLine, as: UTF8.self))"
            )
        }
        return ACREmulator(
            url: ready.url, endpoint: ready.endpoint, region: ready.region, instances: ready.instances,
            key: key, readOnlyKey: readOnlyKey, stsKey: stsKey, service: service)
    }

    private static let started = Task<ACREmulator, any Error> {
        try await start(registry: RegistryHarness.shared().basic)
    }

    /// One emulator per test process over `RegistryHarness.shared()`'s `basic` registry, started on
    /// first use. Tests run in parallel against it, so a test that changes its model (creates or
    /// deletes namespaces, repositories, tags, rules), injects faults, or reads or clears the request
    /// log must either restore what it changed before returning or, better, `start` its own emulator.
    public static func shared() async throws -> ACREmulator {
        try await started.value
    }

    /// The variables an Alibaba Cloud credential chain reads: `ALIBABA_CLOUD_ACCESS_KEY_ID`,
    /// `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and, for an STS key, `ALIBABA_CLOUD_SECURITY_TOKEN`.
    public func environment(_ key: Key) -> [String: String] {
        var environment = ["ALIBABA_CLOUD_ACCESS_KEY_ID": key.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": key.secret]
        if let token = key.token { environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = token }
        return environment
    }

    // MARK: Control endpoint

    /// POSTs `json` to `/__control__` (see acr_emulator.py); throws unless the answer is 2xx.
    public func control(_ json: [String: Any]) async throws {
        let body = try JSONSerialization.data(withJSONObject: json)
        _ = try await send("POST", "/__control__", body: body)
    }

    /// The next `times` calls of `action` ("*": any) answer 400 Throttling.User with
    /// `x-acs-retry-after: retryAfterMs`.
    public func throttle(action: String, times: Int = 1, retryAfterMs: Int = 1000) async throws {
        try await control(["throttle": ["action": action, "times": times, "retryAfterMs": retryAfterMs]])
    }

    /// The next `times` calls of `action` ("*": any) answer 403 NoPrivilege.
    public func denyPrivilege(action: String, times: Int = 1) async throws {
        try await control(["noPrivilege": ["action": action, "times": times]])
    }

    /// The next `times` calls of `action` ("*": any) answer HTTP 200 with `IsSuccess: false`,
    /// `Code: SYSTEM_ERROR`.
    public func failSoftly(action: String, times: Int = 1) async throws {
        try await control(["isSuccessFalse": ["action": action, "times": times]])
    }

    /// Timing of the builds started afterwards (acr_delivery.py): PENDING for `pendingMs`, then one log
    /// line every `lineIntervalMs` until `lines` (at least 5) are out, then SUCCESS or FAILED.
    public func setBuildTiming(pendingMs: Int = 400, lineIntervalMs: Int = 150, lines: Int = 14) async throws {
        try await control(["buildTiming": ["pendingMs": pendingMs, "lineIntervalMs": lineIntervalMs, "lines": lines]])
    }

    /// Timing of the sync and subscription tasks started afterwards (acr_replication.py): PENDING for
    /// `pendingMs`, then one layer every `msPerLayer`.
    public func setSyncTiming(pendingMs: Int = 300, msPerLayer: Int = 200) async throws {
        try await control(["syncTiming": ["pendingMs": pendingMs, "msPerLayer": msPerLayer]])
    }

    /// Clears every pending fault.
    public func reset() async throws { try await control(["reset": true]) }

    /// Empties the request log.
    public func clearRequests() async throws { try await control(["clearRequests": true]) }

    /// Restores the model read from the registry at startup (and forgets scans and rules); the seeded
    /// builds, triggers, event rules and chains come back and the build timing returns to its defaults.
    public func resetModel() async throws { try await control(["resetModel": true]) }

    /// Back to the startup model, without faults and with an empty request log: for a suite that
    /// reuses its own emulator across tests.
    public func restoreStartupState() async throws {
        try await reset()
        try await resetModel()
        try await clearRequests()
    }

    /// The request log, optionally only the calls of `action` and of one `edition` (`enterprise` or
    /// `personal`).
    public func requests(action: String? = nil, edition: String? = nil) async throws -> [RecordedRequest] {
        let filters = [("action", action), ("edition", edition)].compactMap { name, value in
            value.map { name + "=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }
        }
        let path = "/__control__/requests" + (filters.isEmpty ? "" : "?" + filters.joined(separator: "&"))
        return try await JSONDecoder().decode([RecordedRequest].self, from: send("GET", path, body: nil))
    }

    /// Stops the emulator by PID (it also stops by itself when the test process exits).
    public func stop() { service.stop() }

    // MARK: Internals

    private func send(_ method: String, _ path: String, body: Data?) async throws -> Data {
        guard let target = URL(string: url + path) else { throw TestSupportError("bad emulator URL \(url)\(path)") }
        var request = URLRequest(url: target, timeoutInterval: 30)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw TestSupportError(
                "acr_emulator \(method) \(path): HTTP \(status) \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }

    private static func randomString(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
