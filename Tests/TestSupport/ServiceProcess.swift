import Foundation

/// A helper server a test starts (registry harness, fault server): a child process that prints one
/// JSON line when it is ready and stops by itself when this test process exits.
public final class ServiceProcess: @unchecked Sendable {
    /// The JSON line the service printed when it was ready.
    public let readyLine: Data
    /// The service's PID.
    public var processIdentifier: Int32 { process.processIdentifier }
    private let process: Process

    private init(process: Process, readyLine: Data) {
        self.process = process
        self.readyLine = readyLine
    }

    /// Starts `python3 script arguments… --parent-pid <this process>` and waits for its first line.
    public static func startPython(
        _ script: URL, _ arguments: [String], timeout: Duration = .seconds(120)
    ) async throws -> ServiceProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments + ["--parent-pid", String(getpid())]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        // Never share the test runner's stderr: a service holding it open would keep `swift test` waiting.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = try await firstLine(of: output.fileHandleForReading, timeout: timeout)
        guard !line.isEmpty else {
            throw TestSupportError(
                "\(script.lastPathComponent) exited before it was ready (status \(process.isRunning ? -1 : process.terminationStatus))"
            )
        }
        if let failure = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any],
            let message = failure["error"] as? String
        {
            throw TestSupportError("\(script.lastPathComponent): \(message)")
        }
        return ServiceProcess(process: process, readyLine: line)
    }

    /// Stops the service by PID: SIGTERM, SIGKILL when it is still there after two seconds, then
    /// waits for it to exit.
    public func stop() {
        let pid = process.processIdentifier
        guard pid > 0, process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    private static func firstLine(of handle: FileHandle, timeout: Duration) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var line = Data()
                let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
                while Date() < deadline {
                    let chunk = handle.availableData  // blocks until data or EOF
                    if chunk.isEmpty { break }
                    line.append(chunk)
                    if let newline = line.firstIndex(of: 0x0A) {
                        line = line.prefix(upTo: newline)
                        break
                    }
                }
                continuation.resume(returning: line)
            }
        }
    }
}

/// A test environment that could not be set up.
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
