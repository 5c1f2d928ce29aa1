import Foundation

/// A detached tmux session on its own server socket running one command: keys in, screen text
/// out. Used to drive the real binary end to end. The session owns its server: `stop()` (or
/// deinit) kills the server and every process it ran, by PID, and removes the socket.
public final class TmuxSession: @unchecked Sendable {
    /// Every test server's socket name starts with this, then the test process's PID.
    public static let socketPrefix = "regconsole-test-"
    private let socket: String
    /// The tmux server's PID.
    public private(set) var serverPID: pid_t = 0
    private let lock = NSLock()
    private var stopped = false
    /// What the program in the session uses and the session must keep alive (a runner's home).
    private let keptAlive: (any Sendable)?
    public let name = "regconsole"

    /// Whether tmux is installed (required when `CI=true`).
    public static let isAvailable: Bool =
        ProcessInfo.processInfo.environment["CI"] == "true"
        || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }

    /// Starts `shellCommand` in a `columns`×`rows` window with `environment` set; `keeping` stays
    /// alive as long as the session (pass the `CLIRunner` whose home the program uses).
    public init(
        shellCommand: String, environment: [String: String], columns: Int, rows: Int, clipboard: Bool = true,
        keeping: (any Sendable)? = nil
    ) throws {
        keptAlive = keeping
        socket = "\(Self.socketPrefix)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        try tmux(
            ["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows)]
                + environment.flatMap { ["-e", "\($0.key)=\($0.value)"] } + [shellCommand], capture: false)
        do {
            let server = try tmux(["display-message", "-p", "#{pid}"])
            serverPID = pid_t(server.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            if clipboard { try tmux(["set-option", "-g", "set-clipboard", "on"]) }
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// The server's socket file.
    public var socketPath: String { "/tmp/tmux-\(getuid())/\(socket)" }

    /// Kills the server and everything it runs: `kill-server`, then SIGTERM and (after a second)
    /// SIGKILL to the server, the panes and their descendants; removes the socket. Idempotent.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        let panes = ((try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"])) ?? "").split(separator: "\n")
            .compactMap { pid_t($0) }
        let processes = Set(([serverPID] + panes).filter { $0 > 0 }.flatMap { [$0] + ProcessTable.descendants(of: $0) })
        _ = try? tmux(["kill-server"])
        for process in processes { kill(process, SIGTERM) }
        Self.waitForExit(of: processes, timeout: .seconds(1))
        for process in processes where ProcessTable.isAlive(process) { kill(process, SIGKILL) }
        Self.waitForExit(of: processes, timeout: .seconds(2))
        unlink(socketPath)
    }

    private static func waitForExit(of processes: Set<pid_t>, timeout: Duration) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline && processes.contains(where: ProcessTable.isAlive) { usleep(20_000) }
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-d`, `Tab`, `j`).
    public func press(_ keys: String...) throws { try press(keys) }

    /// Sends keys by tmux name.
    public func press(_ keys: [String]) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Types text literally.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// The visible screen.
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text`; returns the screen, or throws with the last screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitUntil("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen no longer contains `text`.
    @discardableResult
    public func waitUntilGone(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitUntil("'\(text)' to go", timeout: timeout) { !$0.contains(text) }
    }

    /// Waits until `done` accepts the screen (`what` names the wait in the error); returns the screen.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), _ done: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try capture()
            if done(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestSupportError("timed out waiting for \(what); screen:\n\(screen)")
    }

    /// Resizes the window.
    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// The newest paste buffer (what OSC 52 set when `set-clipboard` is on).
    public func pasteBuffer() throws -> String { try tmux(["show-buffer"]) }

    /// Appends everything the program writes to its terminal to `file`.
    public func recordOutput(to file: URL) throws {
        try tmux(["pipe-pane", "-t", name, "-o", "cat >> '\(file.path)'"])
    }

    /// The PID of the pane's shell.
    public func panePID() throws -> Int32 {
        Int32(
            try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)) ?? 0
    }

    /// The first child of the pane's shell (the program it runs), waiting up to `timeout` for it.
    public func childPID(timeout: Duration = .seconds(60)) async throws -> pid_t {
        let shell = try panePID()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let child = ProcessTable.descendants(of: shell).first { return child }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestSupportError("the pane's shell \(shell) started no program")
    }

    /// Whether the pane shows the alternate screen and whether its cursor is visible.
    public func screenModes() throws -> (alternateScreen: Bool, cursorVisible: Bool) {
        let flags = try tmux(["display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (flags.first == "1", flags.last == "1")
    }

    /// Runs a tmux command with `posix_spawn` and `waitpid`, passing only standard input, output and
    /// error. Foundation's `Process` cannot be used: it notices a child's exit through a socket the
    /// child inherits, and the tmux server that `new-session` forks would keep it open forever.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        var pipeDescriptors: [Int32] = [-1, -1]
        if capture { guard pipe(&pipeDescriptors) == 0 else { throw TestSupportError("pipe failed") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipeDescriptors[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeDescriptors[0])
            posix_spawn_file_actions_addclose(&actions, pipeDescriptors[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else may reach the tmux server, or pipes of other tests would never close.
        let open =
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for descriptor in open where descriptor > 2 && !(capture && pipeDescriptors.contains(descriptor)) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let status = posix_spawnp(&pid, "tmux", &actions, nil, cArguments, environ)
        if capture { close(pipeDescriptors[1]) }
        guard status == 0 else {
            if capture { close(pipeDescriptors[0]) }
            throw TestSupportError("cannot run tmux: \(String(cString: strerror(status)))")
        }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipeDescriptors[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(pipeDescriptors[0])
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
        guard exitStatus == 0 else {
            throw TestSupportError("tmux \(arguments.prefix(2).joined(separator: " ")) failed")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
