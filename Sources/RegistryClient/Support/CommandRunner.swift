import Foundation

/// Runs a helper program (credential helpers, `password_command`) without a shell, feeding it
/// stdin and collecting stdout. Secrets travel over pipes, never in argv.
enum CommandRunner {
    struct Output: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs `arguments[0]` (looked up on `environment`'s `PATH`) with the rest as arguments.
    /// - Throws: `CommandRunner.Failure` when it cannot start or outlives `timeout`.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String], timeout: Duration = .seconds(30)) async throws -> Output {
        guard let program = arguments.first else { throw Failure(message: "empty command") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let collected = Collected()
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot start '\(program)': \(error.localizedDescription)")
        }
        // Read both pipes off the cooperative pool so a chatty helper cannot fill a pipe and stall.
        let readers = DispatchGroup()
        for (pipe, isOut) in [(stdout, true), (stderr, false)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isOut: isOut)
                readers.leave()
            }
        }
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()

        let finished: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let deadline = DispatchTime.now() + .milliseconds(Int(timeout.components.seconds * 1000))
                let done = readers.wait(timeout: deadline) == .success
                if !done { process.terminate() }
                process.waitUntilExit()
                continuation.resume(returning: done)
            }
        }
        guard finished else { throw Failure(message: "'\(program)' did not finish within \(timeout)") }
        return Output(status: process.terminationStatus, stdout: collected.stdout, stderr: collected.stderr)
    }

    /// A helper that could not be run.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data()
        private var err = Data()

        func store(_ data: Data, isOut: Bool) {
            lock.withLock { if isOut { out = data } else { err = data } }
        }

        var stdout: Data { lock.withLock { out } }
        var stderr: Data { lock.withLock { err } }
    }
}
