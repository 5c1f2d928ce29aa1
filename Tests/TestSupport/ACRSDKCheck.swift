import Foundation

/// Alibaba's official Python SDKs (alibabacloud-cr20181201 for Enterprise, alibabacloud-cr20160607
/// for Personal Edition, in the `.venv-acr` virtual environment scripts/install-deps creates) run
/// against an `ACREmulator` by Tests/Harness/acr_sdk_check.py and acr_personal_sdk_check.py.
public enum ACRSDKCheck {
    /// Which check script runs: both take the same arguments and print the same report.
    public enum Script: String, Sendable {
        /// acr_sdk_check.py: the Enterprise API (`cr` 2018-12-01).
        case enterprise = "acr_sdk_check.py"
        /// acr_personal_sdk_check.py: the Personal Edition API (`cr` 2016-06-07).
        case personal = "acr_personal_sdk_check.py"
    }

    /// What the check script reported.
    public struct Report: Sendable {
        /// The checks that passed: action names (`ListInstance`, `GetRepoTags`, …) and named extra
        /// checks (`WrongSecret`, `ReadOnlyKey`, `StsKey`, `Faults`, `HttpMethods`, …).
        public var checked: [String]
        /// One text per failed check.
        public var failures: [String]
        /// 0 when everything passed, 1 when a check failed, 2 when the SDK is not importable.
        public var exitCode: Int32
        /// The script's stderr (tracebacks with `verbose`).
        public var errorOutput: String
    }

    /// `.venv-acr/bin/python` in the package root.
    public static let pythonURL = TestPaths.packageRoot.appendingPathComponent(".venv-acr/bin/python")

    /// Whether `pythonURL` exists and can import both SDKs.
    public static let isInstalled = canImport("alibabacloud_cr20181201.client, alibabacloud_cr20160607.client")

    /// Whether `pythonURL` exists and can import `modules` (a comma-separated list).
    public static func canImport(_ modules: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: pythonURL.path) else { return false }
        let process = Process()
        process.executableURL = pythonURL
        process.arguments = ["-c", "import " + modules]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Runs `script` against `emulator` as `key` (default: the emulator's main key), with the
    /// emulator's read-only and STS keys for their checks. `faults: false` skips the checks that
    /// inject faults through the control endpoint. Throws when the script cannot be started, runs
    /// longer than `timeout`, or prints no JSON report.
    public static func run(
        _ script: Script = .enterprise, emulator: ACREmulator, key: ACREmulator.Key? = nil, faults: Bool = true,
        verbose: Bool = false, timeout: Duration = .seconds(300)
    ) async throws -> Report {
        let key = key ?? emulator.key
        var arguments = [
            "--endpoint", emulator.endpoint, "--region", emulator.region,
            "--access-key-id", key.id, "--access-key-secret", key.secret,
            "--readonly-key", "\(emulator.readOnlyKey.id):\(emulator.readOnlyKey.secret)",
            "--sts-key", "\(emulator.stsKey.id):\(emulator.stsKey.secret):\(emulator.stsKey.token ?? "")",
        ]
        if !faults { arguments.append("--no-faults") }
        if verbose { arguments.append("--verbose") }
        return try await runScript(script.rawValue, arguments, timeout: timeout)
    }

    /// Runs the check script `name` of Tests/Harness with `pythonURL` and `arguments`, and reads the
    /// one-line {"checked", "failures"} report it prints. Throws when the script cannot be started,
    /// runs longer than `timeout`, or prints no report.
    public static func runScript(_ name: String, _ arguments: [String], timeout: Duration) async throws -> Report {
        let process = Process()
        process.executableURL = pythonURL
        process.arguments = [TestPaths.harness.appendingPathComponent(name).path] + arguments
        process.currentDirectoryURL = TestPaths.packageRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        let (stdout, stderr, status) = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<(Data, Data, Int32), any Error>) in
            DispatchQueue.global().async {
                do { try process.run() } catch { return continuation.resume(throwing: error) }
                let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                DispatchQueue.global().asyncAfter(
                    deadline: .now() + .seconds(Int(timeout.components.seconds)), execute: timer)
                // Read both pipes at once so neither can fill up and stall the script.
                let group = DispatchGroup()
                nonisolated(unsafe) var errorData = Data()
                group.enter()
                DispatchQueue.global().async {
                    errorData = errors.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let outputData = output.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                timer.cancel()
                continuation.resume(returning: (outputData, errorData, process.terminationStatus))
            }
        }
        let errorText = String(decoding: stderr, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            throw TestSupportError(
                "\(name) did not finish within \(timeout) (signal \(status)); stderr: \(errorText)")
        }
        struct Line: Decodable {
            var checked: [String]
            var failures: [String]
        }
        let lastLine = stdout.split(separator: 0x0A).last.map { Data($0) } ?? Data()
        guard let line = try? JSONDecoder().decode(Line.self, from: lastLine) else {
            throw TestSupportError(
                "\(name) (exit \(status)) printed no report: \(String(decoding: stdout, as: UTF8.self)) \(errorText)"
            )
        }
        return Report(checked: line.checked, failures: line.failures, exitCode: status, errorOutput: errorText)
    }
}
