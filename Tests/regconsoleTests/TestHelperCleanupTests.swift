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
        let server = tmux.serverPID
        #expect(ProcessTable.parent(of: shell) == server)
        #expect(FileManager.default.fileExists(atPath: tmux.socketPath))
        #expect(ProcessTable.isAlive(sleeper))

        tmux.stop()
        #expect(!ProcessTable.isAlive(sleeper))
        #expect(!ProcessTable.isAlive(shell))
        #expect(!ProcessTable.isAlive(server))
        #expect(!FileManager.default.fileExists(atPath: tmux.socketPath))
    }

    @Test func stoppingAServiceEndsItsProcessBeforeReturning() async throws {
        let script = TestPaths.harness.appendingPathComponent("fault_server.py")
        let service = try await ServiceProcess.startPython(script, [], timeout: .seconds(20))
        let pid = service.processIdentifier
        #expect(ProcessTable.isAlive(pid))
        service.stop()
        #expect(!ProcessTable.isAlive(pid))
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
