import Foundation

/// Something that can open a TLS connection and report on the server's certificate; the CLI's is
/// libcurl's (`CurlTLSInspector`).
public protocol TLSInspecting: Sendable {
    /// Connects to the host and port of `url`, completes a TLS handshake, and reports what it saw,
    /// all within `timeout`.
    func inspect(_ url: URL, timeout: Duration) async -> TLSInspection
}
