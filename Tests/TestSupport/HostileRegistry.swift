import Foundation
import RegistryClient

/// A registry that attacks its client (Tests/Harness/hostile_registry.py), one scenario per server,
/// with a log of every request it saw.
public struct HostileRegistry: Sendable {
    /// What the server does; see the script's help for each.
    public enum Scenario: String, Sendable {
        case linkOtherOrigin = "link-other-origin"
        case basicChallenge = "basic-challenge"
        case endlessPaging = "endless-paging"
        case scopeLoop = "scope-loop"
        case otherRealm = "other-realm"
        case token
        case drip
        case noHeaders = "no-headers"
    }

    /// One request the server saw.
    public struct Request: Decodable, Sendable {
        public var method: String
        public var path: String
        /// The `Authorization` header, nil when there was none.
        public var authorization: String?
        /// Arrival, in seconds of the server's monotonic clock.
        public var time: Double
    }

    private struct Ready: Decodable {
        var url: String
        var certificate: String?
    }

    /// `http://127.0.0.1:PORT` (`https://` with `tls`).
    public var url: String
    /// The self-signed certificate (PEM) of a TLS server, for the client to trust.
    public var certificate: String?
    private let service: ServiceProcess

    /// Starts a server playing `scenario`; `other` is the other origin's base URL the scenario points at.
    public static func start(
        _ scenario: Scenario, other: String? = nil, tls: Bool = false
    ) async throws -> HostileRegistry {
        var arguments = ["--scenario", scenario.rawValue]
        if let other { arguments += ["--other", other] }
        if tls { arguments.append("--tls") }
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("hostile_registry.py"), arguments, timeout: .seconds(20))
        let ready = try JSONDecoder().decode(Ready.self, from: service.readyLine)
        return HostileRegistry(url: ready.url, certificate: ready.certificate, service: service)
    }

    /// `host:port` of `url`.
    public var host: String { URL(string: url).map { "\($0.host ?? ""):\($0.port ?? 0)" } ?? url }

    /// Every request seen so far (the log itself excluded), read with `http`.
    public func requests(via http: any HTTPClient) async throws -> [Request] {
        let response = try await http.send(HTTPRequest(url: URL(string: url + "/_log")!, security: .insecure))
        return try JSONDecoder().decode([Request].self, from: response.body)
    }

    /// Stops the server by PID.
    public func stop() { service.stop() }
}
