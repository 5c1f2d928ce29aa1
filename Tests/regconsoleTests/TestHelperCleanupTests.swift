import Foundation
import TestSupport
import Testing

/// The test helpers remove what they create, even a program that ignores the usual signals.
struct TestHelperCleanupTests {
    @Test(.enabled(if: TmuxSession.isAvailable))
    func stoppingATmuxSessionEndsItsServerAndEveryProcessInIt() async throws {
        let tmux = try TmuxSession(
            shellCommand: "trap '' HUP TERM; sleep 600; true", environment: [:], columns: 40, rows: 10)
        let shell = try tmux.panePID()
        let sleeper = try await tmux.childPID()
        let parentOfShell = try String(contentsOfFile: "/proc/\(shell)/stat", encoding: .utf8).split(separator: ")")
            .last?.split(separator: " ")[1]
        let server = tmux.serverPID
        #expect(parentOfShell.flatMap { pid_t($0) } == server)
        #expect(FileManager.default.fileExists(atPath: tmux.socketPath))
        #expect(TmuxSession.isAlive(sleeper))

        tmux.stop()
        #expect(!TmuxSession.isAlive(sleeper))
        #expect(!TmuxSession.isAlive(shell))
        #expect(!TmuxSession.isAlive(server))
        #expect(!FileManager.default.fileExists(atPath: tmux.socketPath))
    }

    @Test func aCLIRunnerRemovesItsHomeWhenItGoesAway() throws {
        var home: URL?
        do {
            let runner = try CLIRunner(configTOML: "theme = \"default\"\n")
            home = runner.home
            #expect(FileManager.default.fileExists(atPath: runner.configPath.path))
        }
        #expect(!FileManager.default.fileExists(atPath: try #require(home).path))
    }
}
