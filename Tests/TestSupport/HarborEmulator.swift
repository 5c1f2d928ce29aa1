import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Harbor REST API v2.0 emulator (Tests/Harness/harbor_emulator.py) serving the repositories of a
/// real registry as Harbor projects (and the registry itself under `/v2/`), and its cross-check with
/// PyPI's `harbor-api-client` (Tests/Harness/harbor_client_check.py, run with `.venv-acr`). It
/// validates every API answer against Harbor's swagger (Tests/Fixtures/harbor/harbor-swagger.yaml).
public struct HarborEmulator: Sendable {
    /// `http://127.0.0.1:PORT`.
    public var url: String
    /// `127.0.0.1:PORT`.
    public var endpoint: String
    /// `http://127.0.0.1:PORT/api/v2.0`.
    public var base: String
    /// The project names, sorted (the first path segment of every multi-segment repository).
    public var projects: [String]
    /// The Basic credentials the emulator accepts (an administrator).
    public var username: String
    public var password: String
    private let service: ServiceProcess

    private struct Ready: Decodable {
        var url: String
        var endpoint: String
        var base: String
        var projects: [String]
    }

    /// What `harbor_emulator.py --self-test` reported.
    public struct SelfTest: Decodable, Sendable {
        /// `ok` or `failed`.
        public var selfTest: String
        public var failures: [String]
    }

    /// Whether `.venv-acr` can import `harbor_client`.
    public static let isClientInstalled = ACRSDKCheck.canImport("harbor_client")

    /// Starts an emulator over `registry`, which must carry a username and password (the harness's
    /// `basic` registry does), with fresh random administrator credentials. Its model is private to
    /// the caller; its answers are checked against Harbor's swagger (see `schemaViolations()`).
    public static func start(registry: HarnessState.Registry) async throws -> HarborEmulator {
        guard let registryUser = registry.username, let registryPassword = registry.password else {
            throw TestSupportError(
                "the Harbor emulator needs a registry with a username and password (\(registry.url) has none)")
        }
        let username = "admin"
        let password = UUID().uuidString
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("harbor_emulator.py"),
            [
                "--registry", registry.url, "--registry-username", registryUser,
                "--registry-password", registryPassword, "--admin", "\(username):\(password)",
                "--swagger", TestPaths.fixtures.appendingPathComponent("harbor/harbor-swagger.yaml").path,
            ] + (registry.snapshot.map { ["--registry-snapshot", $0] } ?? []))
        guard let ready = try? JSONDecoder().decode(Ready.self, from: service.readyLine) else {
            service.stop()
            throw TestSupportError(
                "harbor_emulator.py printed an unexpected ready line: \(String(decoding: service.readyLine, as: UTF8.self))"
            )
        }
        return HarborEmulator(
            url: ready.url, endpoint: ready.endpoint, base: ready.base, projects: ready.projects,
            username: username, password: password, service: service)
    }

    /// Runs `harbor_emulator.py --self-test` (routing, paging, 422, scans, CSRF on an in-process model).
    public static func selfTest() async throws -> SelfTest {
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("harbor_emulator.py"), ["--self-test"])
        defer { service.stop() }
        return try JSONDecoder().decode(SelfTest.self, from: service.readyLine)
    }

    /// Runs harbor_client_check.py against this emulator, with `password` instead of the right one
    /// when given. The check deletes an artifact and then restores the startup model.
    public func runClientCheck(
        password: String? = nil, timeout: Duration = .seconds(300)
    ) async throws
        -> ACRSDKCheck.Report
    {
        try await ACRSDKCheck.runScript(
            "harbor_client_check.py",
            ["--endpoint", endpoint, "--username", username, "--password", password ?? self.password],
            timeout: timeout)
    }

    private struct ControlState: Decodable {
        var schemaViolations: [Violation]
    }

    private struct Violation: Decodable {
        var method: String
        var path: String
        var status: Int
        var problem: String
    }

    /// Every way an answer of the emulator so far departed from Harbor's swagger, one line each
    /// (`GET /api/v2.0/… 200: $.field: …`); resetting the model keeps them.
    public func schemaViolations() async throws -> [String] {
        guard let target = URL(string: url + "/__control__") else {
            throw TestSupportError("bad emulator URL \(url)")
        }
        let (data, response) = try await URLSession.shared.data(from: target)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw TestSupportError("harbor_emulator GET /__control__: \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONDecoder().decode(ControlState.self, from: data).schemaViolations.map {
            "\($0.method) \($0.path) \($0.status): \($0.problem)"
        }
    }

    /// Sets the server's clock `days` ahead of this machine's (behind when negative), as retention
    /// runs see it: a skewed clock is one real reason a server dry run and a preview differ.
    public func setClockOffset(days: Int) async throws {
        try await control(#"{"clockOffsetDays": \#(days)}"#)
    }

    /// Sends a JSON document to the control endpoint.
    func control(_ document: String) async throws {
        guard let target = URL(string: url + "/__control__") else {
            throw TestSupportError("bad emulator URL \(url)")
        }
        var request = URLRequest(url: target, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.httpBody = Data(document.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw TestSupportError(
                "harbor_emulator POST /__control__ \(document): \(String(decoding: data, as: UTF8.self))")
        }
    }

    /// Stops the emulator by PID (it also stops by itself when the test process exits).
    public func stop() { service.stop() }
}
