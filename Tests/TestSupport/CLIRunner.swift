import Foundation

/// Runs the built `regconsole` binary in an isolated environment: its own HOME, XDG directories
/// and docker config, so tests never read the developer's files and never share state. The home is
/// removed when the last copy of the runner goes away.
public struct CLIRunner: Sendable {
    /// What a run produced.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// Standard output parsed as JSON.
        public func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        }
    }

    private let homeDirectory: TemporaryDirectory
    /// The isolated home directory.
    public var home: URL { homeDirectory.url }
    /// Environment variables for every run.
    public var environment: [String: String]

    /// A runner with a fresh home; `configTOML` becomes `$XDG_CONFIG_HOME/regconsole/config.toml`.
    public init(configTOML: String? = nil, configMode: Int = 0o600) throws {
        homeDirectory = try TemporaryDirectory("regconsole-home")
        let home = homeDirectory.url
        environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_STATE_HOME": home.appendingPathComponent(".local/state").path,
            "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path,
            "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path,
            "DOCKER_CONFIG": home.appendingPathComponent(".docker").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
        if let configTOML { try writeConfig(configTOML, mode: configMode) }
    }

    /// The config file path the binary reads by default.
    public var configPath: URL { home.appendingPathComponent(".config/regconsole/config.toml") }

    /// Writes the config file with the given permissions.
    public func writeConfig(_ text: String, mode: Int = 0o600) throws {
        try FileManager.default.createDirectory(
            at: configPath.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: configPath)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: configPath.path)
    }

    /// Writes `$DOCKER_CONFIG/config.json`.
    public func writeDockerConfig(_ json: String) throws {
        let url = home.appendingPathComponent(".docker/config.json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(json.utf8).write(to: url)
    }

    /// Starts `regconsole arguments…` in the background with every standard stream on /dev/null, for
    /// tests that kill it part-way.
    public func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.regconsole
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `regconsole arguments…` (or another `executable`, such as a shell) in the runner's
    /// environment, with standard input from /dev/null (or `input`).
    public func run(
        _ arguments: [String], extraEnvironment: [String: String] = [:], input: String? = nil,
        executable: URL = TestPaths.regconsole
    ) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // A child that exits before reading its input must not take the test process down.
            signal(SIGPIPE, SIG_IGN)
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        async let out = Self.readAll(stdout.fileHandleForReading)
        async let err = Self.readAll(stderr.fileHandleForReading)
        let (outData, errData) = await (out, err)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    private static func readAll(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}
