import Foundation

/// An anonymous docker-registry serving HTTPS on 127.0.0.1 (`harness.py tls`) with a certificate
/// from a test CA of its own; with `expired`, one that was valid only in January 2020. The server
/// removes its certificates and storage when it stops.
public final class TLSRegistry: Sendable {
    /// `https://127.0.0.1:PORT`.
    public let url: String
    /// The PEM file of the CA that issued the certificate (trust it with `SSL_CERT_FILE`).
    public let caFile: String
    private let server: ServiceProcess

    private struct Ready: Decodable {
        var url: String
        var caFile: String
    }

    private init(url: String, caFile: String, server: ServiceProcess) {
        self.url = url
        self.caFile = caFile
        self.server = server
    }

    /// Starts the registry.
    public static func start(expired: Bool) async throws -> TLSRegistry {
        let server = try await ServiceProcess.startPython(
            TestPaths.harness.appendingPathComponent("harness.py"), ["tls"] + (expired ? ["--expired"] : []),
            timeout: .seconds(30))
        do {
            let ready = try JSONDecoder().decode(Ready.self, from: server.readyLine)
            return TLSRegistry(url: ready.url, caFile: ready.caFile, server: server)
        } catch {
            server.stop()
            throw error
        }
    }

    /// Stops the registry (it also stops by itself when the test process exits).
    public func stop() { server.stop() }

    deinit { server.stop() }
}
