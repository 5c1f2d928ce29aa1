import Foundation
import TestSupport
import Testing

/// The real console in tmux: raw mode delivers every key, and however the console ends (a key, a
/// signal, a crash on several threads, a suspended or background job) the terminal is put back:
/// cooked mode, main screen, visible cursor.
@Suite(.enabled(if: RegistryHarness.isEnabled && TmuxSession.isAvailable))
struct TerminalRestoreTests {
    /// What ended the console and the exit status its shell must report.
    struct Ending: Sendable, CustomTestStringConvertible {
        let signal: Int32
        let status: Int32
        var testDescription: String { "signal \(signal) → \(status)" }
    }

    /// The console in a pane whose shell then reports how it left the terminal.
    private func start(_ fixture: Fixture) throws -> TmuxSession {
        try TmuxSession(
            shellCommand: ConsolePane.command, environment: environment(fixture), columns: 100, rows: 30,
            keeping: fixture.cli)
    }

    private func environment(_ fixture: Fixture) -> [String: String] {
        var environment = fixture.cli.environment
        environment["TERM"] = "xterm-256color"
        return environment
    }

    /// Waits until `process` is in `state` (nil: gone).
    /// Waits until `process` is in `expected` state (nil: gone). On timeout the error says where
    /// each of its threads waits, so a failure on a loaded machine can be told from a hang.
    private func waitForState(
        _ expected: Character?, of process: pid_t, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(60)  // a loaded machine starts a console slowly
        while ProcessTable.state(of: process) != expected {
            guard ContinuousClock.now < deadline else {
                let name = { (state: Character?) in state.map(String.init) ?? "gone" }
                let now = name(ProcessTable.state(of: process))
                throw TestSupportError(
                    "process \(process) is \(now), not \(name(expected)) (line \(sourceLocation.line)); "
                        + "threads: \(Self.threadWaits(of: process))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// `name state wchan` of every thread of `process`, from /proc.
    private static func threadWaits(of process: pid_t) -> String {
        let tasks = "/proc/\(process)/task"
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return threads.sorted().map { thread in
            let read = { (file: String) in
                (try? String(contentsOfFile: "\(tasks)/\(thread)/\(file)", encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            }
            let state = read("status").split(separator: "\n").first { $0.hasPrefix("State:") } ?? "?"
            return "\(read("comm")) \(state.dropFirst(6).trimmingCharacters(in: .whitespaces)) \(read("wchan"))"
        }.joined(separator: "; ")
    }

    @Test func ctrlBackslashClearsTheMarksAndTheConsoleKeepsRunning() async throws {
        let fixture = try await Fixture.make()
        let tmux = try start(fixture)
        defer { tmux.stop() }
        try await tmux.waitFor("instances [4]")
        try tmux.press("Enter")
        try await tmux.waitFor("namespaces · local")
        try tmux.type(":tags ns/app")
        try tmux.press("Enter")
        try await tmux.waitFor("tags · ns/app [6]")
        try tmux.press("Space", "Space")
        try await tmux.waitUntil("two marks") { $0.components(separatedBy: "●").count - 1 == 2 }

        try tmux.press("C-\\")
        let cleared = try await tmux.waitUntilGone("●")
        // Still on the tags pane (its counter may also show detail progress: `[6 · details 3/6]`).
        #expect(cleared.contains("tags · ns/app [6"))
        #expect(!cleared.contains("EXIT="))

        try tmux.press("q")
        try await ConsolePane.expectRestored(tmux, status: 0)
    }

    @Test func ctrlCQuitsCleanly() async throws {
        let fixture = try await Fixture.make()
        let tmux = try start(fixture)
        defer { tmux.stop() }
        try await tmux.waitFor("instances [4]")
        try tmux.press("C-c")
        try await ConsolePane.expectRestored(tmux, status: 0)
    }

    @Test(arguments: [
        Ending(signal: SIGINT, status: 0), Ending(signal: SIGHUP, status: 0), Ending(signal: SIGTERM, status: 0),
        Ending(signal: SIGILL, status: 128 + SIGILL), Ending(signal: SIGSEGV, status: 128 + SIGSEGV),
        Ending(signal: SIGQUIT, status: 128 + SIGQUIT),
    ])
    func aSignalThatEndsTheConsoleRestoresTheTerminal(_ ending: Ending) async throws {
        let fixture = try await Fixture.make()
        let tmux = try start(fixture)
        defer { tmux.stop() }
        try await tmux.waitFor("instances [4]")
        kill(try await tmux.childPID(), ending.signal)
        try await ConsolePane.expectRestored(tmux, status: ending.status)
    }

    @Test func aCrashOnEveryThreadAtOnceRestoresTheTerminal() async throws {
        let fixture = try await Fixture.make()
        let tmux = try start(fixture)
        defer { tmux.stop() }
        try await tmux.waitFor("instances [4]")
        let console = try await tmux.childPID()
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(console)/task")
        let threads = tasks.compactMap { Int32($0) }
        #expect(threads.count > 1)
        // A thread-directed SIGSEGV pending on every thread of a stopped console: on SIGCONT all its
        // threads crash at once, as when several threads fault together.
        kill(console, SIGSTOP)
        try await waitForState("T", of: console)
        let crash = Process()
        crash.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script =
            "import ctypes, sys; libc = ctypes.CDLL(None); "
            + "[libc.tgkill(int(sys.argv[1]), int(tid), 11) for tid in sys.argv[2:]]"
        crash.arguments = ["python3", "-c", script, String(console)] + threads.map(String.init)
        try crash.run()
        crash.waitUntilExit()
        kill(console, SIGCONT)
        try await ConsolePane.expectRestored(tmux, status: 128 + SIGSEGV)
    }

    @Test func aBackgroundConsoleWaitsForTheForegroundAndCtrlZSuspendsIt() async throws {
        let fixture = try await Fixture.make()
        let shell = "PS1='$ ' exec bash --norc --noprofile -i"
        let tmux = try TmuxSession(
            shellCommand: shell, environment: environment(fixture), columns: 100, rows: 30, keeping: fixture.cli)
        defer { tmux.stop() }
        try await tmux.waitFor("$")
        // The shell prints the job's PID itself: no guessing which of its children is the console.
        try tmux.type("'\(TestPaths.regconsole.path)' & echo \"JOB=$!\"")
        try tmux.press("Enter")
        let screen = try await tmux.waitUntil("the job's PID") { $0.contains(/JOB=[0-9]+/) }
        let console = try #require(screen.firstMatch(of: /JOB=([0-9]+)/).flatMap { pid_t($0.1) })

        // Started in the background, it stops itself instead of spinning or reading the shell's keys.
        try await waitForState("T", of: console)
        let ticks = try #require(ProcessTable.cpuTicks(of: console))
        try await Task.sleep(for: .seconds(1))
        #expect(ProcessTable.state(of: console) == "T")
        #expect(ProcessTable.cpuTicks(of: console) == ticks)

        try tmux.type("fg")
        try tmux.press("Enter")
        try await tmux.waitFor("instances [4]")

        // ctrl-z hands the terminal back to the shell, restored; fg takes it again.
        try tmux.press("C-z")
        try await waitForState("T", of: console)
        try await tmux.waitFor("Stopped")
        let suspended = try tmux.screenModes()
        #expect(!suspended.alternateScreen && suspended.cursorVisible)
        try tmux.type("fg")
        try tmux.press("Enter")
        try await tmux.waitFor("instances [4]")

        try tmux.press("q")
        try await waitForState(nil, of: console)
        try tmux.type("echo EXIT=$?")
        try tmux.press("Enter")
        try await tmux.waitFor("EXIT=0")
    }
}
