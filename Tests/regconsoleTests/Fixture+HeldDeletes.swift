import Foundation
import TestSupport
import Testing

extension Fixture {
    /// Points instance `name` (added after the fixture's own, replacing an earlier one of that name) at `url`.
    func setInstance(_ name: String, url: String) throws {
        var config = try String(contentsOf: cli.configPath, encoding: .utf8)
        if let added = config.range(of: "\n[[instances]]\nname = \"\(name)\"\n") {
            config = String(config[..<added.lowerBound])
        }
        try cli.writeConfig(config + "\n[[instances]]\nname = \"\(name)\"\nurl = \"\(url)\"\n")
    }

    /// Starts a proxy to the anonymous registry and points instance `name` at it. The proxy lets the
    /// first `passing` `DELETE`s whose path contains `matching` through and holds each later one
    /// until the file `release` exists (at most 120 s), so a run stays part-way for as long as the
    /// test needs, however loaded the machine is. Stop the proxy when done.
    func holdDeletes(
        instance name: String, matching: String = "", passing: Int = 0, release: URL
    ) async throws -> FaultServer {
        let pattern = "^DELETE .*" + NSRegularExpression.escapedPattern(for: matching)
        let action = "hold:\(passing):\(release.path)"
        let proxy = try await FaultServer.start(upstream: state.anonymous.url, rules: ["\(pattern)=\(action)"])
        do {
            try setInstance(name, url: proxy.url)
        } catch {
            proxy.stop()
            throw error
        }
        return proxy
    }

    /// The audit log, one object per entry.
    func auditEntries() throws -> [[String: Any]] {
        let log = cli.home.appendingPathComponent(".local/state/regconsole/audit.log")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Waits until `condition` holds, checking every 50 ms; records an issue after `timeout`.
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
