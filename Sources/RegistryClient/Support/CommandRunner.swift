import Foundation
import Synchronization

/// Runs a helper program (credential helpers, `password_command`) without a shell, feeding it
/// stdin and collecting stdout. Secrets travel over pipes, never in argv. A helper's stderr is
/// counted, never kept: helpers have been seen printing the secret there.
enum CommandRunner {
    struct Output: Sendable {
        var status: Int32
        /// Standard output, at most the run's output limit.
        var stdout: Data
        /// Whether the program printed more than the output limit (reading stopped there).
        var stdoutOverflowed: Bool
        /// How many lines the program wrote to standard error.
        var stderrLines: Int
    }

    /// Runs `arguments[0]` (looked up on `environment`'s `PATH`) with the rest as arguments.
    /// - Parameters:
    ///   - timeout: how long the program may run before it is terminated.
    ///   - outputLimit: the most bytes of standard output read; a program printing more is stopped.
    /// - Throws: `CommandRunner.Failure` when it cannot start or outlives `timeout`.
    static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String], timeout: Duration = .seconds(30),
        outputLimit: Int = 64 * 1024
    ) async throws -> Output {
        guard let program = arguments.first else { throw Failure.cannotStart(program: "", reason: "empty command") }
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
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw Failure.cannotStart(program: program, reason: error.localizedDescription)
        }
        // Read both pipes off the cooperative pool so a chatty helper cannot fill a pipe and stall.
        let collected = Collected()
        let readers = DispatchGroup()
        readers.enter()
        DispatchQueue.global().async {
            let (data, overflowed) = readCapped(stdout.fileHandleForReading, limit: outputLimit)
            collected.storeOutput(data, overflowed: overflowed)
            // Closing the pipe stops a program that keeps printing (SIGPIPE, or EPIPE where it is ignored).
            try? stdout.fileHandleForReading.close()
            readers.leave()
        }
        readers.enter()
        DispatchQueue.global().async {
            collected.storeErrorLines(countLines(stderr.fileHandleForReading))
            readers.leave()
        }
        // A helper that exits without reading its input must not take this process down with SIGPIPE
        // (the CLI and console ignore it already, for libcurl).
        signal(SIGPIPE, SIG_IGN)
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()

        let finished: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let deadline = DispatchTime.now() + .milliseconds(timeout.wholeMilliseconds)
                let done = readers.wait(timeout: deadline) == .success && exited.wait(timeout: deadline) == .success
                if !done { stop(process, exited: exited) }
                continuation.resume(returning: done)
            }
        }
        guard finished else { throw Failure.timedOut(program: program, seconds: Int(timeout.components.seconds)) }
        return Output(
            status: process.terminationStatus, stdout: collected.stdout, stdoutOverflowed: collected.overflowed,
            stderrLines: collected.errorLines)
    }

    /// Terminates the process, and kills it when it ignores that for two seconds.
    private static func stop(_ process: Process, exited: DispatchSemaphore) {
        guard process.isRunning else { return }
        process.terminate()
        if exited.wait(timeout: .now() + .seconds(2)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
    }

    /// Reads until end of file or until more than `limit` bytes arrived; keeps at most `limit`.
    private static func readCapped(_ handle: FileHandle, limit: Int) -> (Data, overflowed: Bool) {
        var data = Data()
        while let chunk = try? handle.read(upToCount: 16 * 1024), !chunk.isEmpty {
            data.append(chunk)
            if data.count > limit { return (data.prefix(limit), true) }
        }
        return (data, false)
    }

    /// Reads to end of file, keeping only the number of lines (a last line without a newline counts).
    private static func countLines(_ handle: FileHandle) -> Int {
        var lines = 0
        var last: UInt8 = UInt8(ascii: "\n")
        while let chunk = try? handle.read(upToCount: 16 * 1024), !chunk.isEmpty {
            lines += chunk.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            last = chunk.last ?? last
        }
        return lines + (last == UInt8(ascii: "\n") ? 0 : 1)
    }

    /// A helper that could not be run to its end.
    enum Failure: Error, CustomStringConvertible {
        case cannotStart(program: String, reason: String)
        case timedOut(program: String, seconds: Int)

        var description: String {
            switch self {
            case .cannotStart(let program, let reason): "cannot start '\(program)': \(reason)"
            case .timedOut(let program, let seconds): "'\(program)' did not finish within \(seconds) s"
            }
        }
    }

    private final class Collected: Sendable {
        private struct State {
            var out = Data()
            var outOverflowed = false
            var lines = 0
        }

        private let state = Mutex(State())

        func storeOutput(_ data: Data, overflowed: Bool) {
            state.withLock { ($0.out, $0.outOverflowed) = (data, overflowed) }
        }

        func storeErrorLines(_ count: Int) {
            state.withLock { $0.lines = count }
        }

        var stdout: Data { state.withLock { $0.out } }
        var overflowed: Bool { state.withLock { $0.outOverflowed } }
        var errorLines: Int { state.withLock { $0.lines } }
    }
}
