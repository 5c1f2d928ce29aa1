import Foundation

/// The fault server acting as a registry whose repository `odd/app` has tags with hostile names
/// (`fault_server.py --odd-tags`): any manifest reference gets one valid image, and every request
/// line is logged so tests can assert which paths were asked for.
public final class OddTagsRegistry: Sendable {
    /// The tags that follow the distribution grammar.
    public static let validTags = ["1.0", "latest"]
    /// The tags no registry should accept, in the order the server lists them.
    public static let hostileTags = [
        "a b", "\"", "|", "%", "#", "?", "\\", "^", "{", "`", "<", "esc\u{1B}[2J", "rlo\u{202E}abc", "csi\u{9B}2J",
        "中文", "a/../../x", "$(touch$IFS~/pwned)",
    ]

    /// `http://127.0.0.1:PORT`.
    public let url: String
    private let directory: URL
    private let server: ServiceProcess

    private struct Ready: Decodable {
        var url: String
    }

    private init(url: String, directory: URL, server: ServiceProcess) {
        self.url = url
        self.directory = directory
        self.server = server
    }

    /// Starts the server with its request log in a fresh directory.
    public static func start() async throws -> OddTagsRegistry {
        let directory = try TestPaths.temporaryDirectory("odd-tags")
        do {
            let log = directory.appendingPathComponent("requests.log").path
            let server = try await ServiceProcess.startPython(
                TestPaths.harness.appendingPathComponent("fault_server.py"), ["--odd-tags", log], timeout: .seconds(20))
            let ready = try JSONDecoder().decode(Ready.self, from: server.readyLine)
            return OddTagsRegistry(url: ready.url, directory: directory, server: server)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// `host:port` of `url`.
    public var host: String { String(url.dropFirst("http://".count)) }

    /// The request lines the server got so far (`GET /v2/odd/app/tags/list?n=1000`), raw as sent.
    public func requests() throws -> [String] {
        try logLines().filter { !$0.hasPrefix("MANIFEST ") && !$0.hasPrefix("CONFIG ") }
    }

    /// The digest of the one manifest the server serves, as the server computed it.
    public func manifestDigest() throws -> String { try loggedDigest("MANIFEST ") }

    /// The digest of the config blob that manifest names, as the server computed it.
    public func configDigest() throws -> String { try loggedDigest("CONFIG ") }

    private func loggedDigest(_ label: String) throws -> String {
        guard let line = try logLines().first(where: { $0.hasPrefix(label) }) else {
            throw TestSupportError("the odd-tags server logged no \(label)digest")
        }
        return String(line.dropFirst(label.count))
    }

    private func logLines() throws -> [String] {
        let text = try String(contentsOf: directory.appendingPathComponent("requests.log"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// Stops the server and removes its log.
    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
