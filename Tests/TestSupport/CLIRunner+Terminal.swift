import Foundation

extension CLIRunner {
    /// What a run on a terminal produced: the exit status, whether the prompt came and was answered,
    /// and everything written to the terminal (the answer's echo included).
    public struct TerminalResult: Sendable, Decodable {
        public var status: Int32
        public var answered: Bool
        public var output: String
    }

    /// Runs `regconsole arguments…` on a pseudo-terminal (Tests/Harness/pty_run.py), typing `answer`
    /// once `prompt` appears; the command is killed after `timeout` seconds.
    public func runOnTerminal(
        _ arguments: [String], prompt: String, answer: String, timeout: Int = 60
    ) async throws -> TerminalResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", TestPaths.harness.appendingPathComponent("pty_run.py").path, "--expect", prompt, "--answer",
                answer,
                "--timeout", String(timeout), "--", TestPaths.regconsole.path,
            ] + arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile())
            }
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("pty_run.py exited \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(TerminalResult.self, from: data)
    }
}
