import Foundation

/// A misbehaving HTTP server (Tests/Harness/fault_server.py), optionally proxying a real registry.
public struct FaultServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    public var url: String
    /// The same server as `http://localhost:PORT` (another host to libcurl).
    public var alternateURL: String
    private let service: ServiceProcess

    private struct Ready: Decodable {
        var url: String
        var alternateURL: String
    }

    /// Starts a server; `rules` (`REGEX=ACTION`) apply when `upstream` is given; `tls` serves HTTPS
    /// with a self-signed certificate; `preserveHost` forwards the client's `Host` (for upstreams
    /// that verify signatures over it).
    public static func start(
        upstream: String? = nil, rules: [String] = [], tls: Bool = false, preserveHost: Bool = false
    ) async throws -> FaultServer {
        var arguments: [String] = tls ? ["--tls"] : []
        if preserveHost { arguments.append("--preserve-host") }
        if let upstream { arguments += ["--upstream", upstream] }
        for rule in rules { arguments += ["--rule", rule] }
        let service = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("fault_server.py"), arguments, timeout: .seconds(20))
        let ready = try JSONDecoder().decode(Ready.self, from: service.readyLine)
        return FaultServer(url: ready.url, alternateURL: ready.alternateURL, service: service)
    }

    /// `host:port` of `url`.
    public var host: String { URL(string: url).map { "\($0.host ?? ""):\($0.port ?? 0)" } ?? url }

    /// Stops the server by PID.
    public func stop() { service.stop() }
}
