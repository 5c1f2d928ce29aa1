import Foundation
import TestSupport
import Testing

/// `scan show --file` with files that are no report: each is refused at once, with its reason.
struct ReportFileTests {
    private let cli: CLIRunner
    private let directory: URL

    init() throws {
        cli = try CLIRunner()
        directory = cli.home.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs `scan show --file path` and removes the runner's home afterwards.
    private func show(_ path: String) async throws -> CLIRunner.Result {
        try await cli.run(["scan", "show", "--file", path])
    }

    private func removeHome() { try? FileManager.default.removeItem(at: cli.home) }

    @Test func aBinaryFileIsNotCalledATruncatedReport() async throws {
        defer { removeHome() }
        let file = directory.appendingPathComponent("image.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00] + [UInt8](repeating: 0xAB, count: 1 << 20)).write(to: file)
        let result = try await show(file.path)
        #expect(result.status == 1)
        #expect(result.stderr == "regconsole: \(file.path): not a JSON report: binary data (a zero byte at offset 4)\n")
        let latin1 = directory.appendingPathComponent("latin1.json")
        try Data([0x7B, 0x22, 0xE9, 0x22, 0x3A, 0x31, 0x7D]).write(to: latin1)  // {"é":1} in ISO 8859-1
        #expect(
            try await show(latin1.path).stderr
                == "regconsole: \(latin1.path): not a JSON report: the bytes are not UTF-8 text\n")
    }

    @Test func filesThatAreNotRegularAreRefusedByTypeWithoutBlocking() async throws {
        defer { removeHome() }
        let fifo = directory.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let dangling = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "gone/report.json")
        let cases: [(String, String)] = [
            ("/dev/zero", "it is a device, not a regular file"),
            (fifo.path, "it is a named pipe (FIFO), not a regular file"),
            (directory.path, "it is a directory"),
            (dangling.path, "it does not exist (dangling link to gone/report.json)"),
            (directory.appendingPathComponent("missing.json").path, "it does not exist"),
        ]
        for (path, reason) in cases {
            let result = try await show(path)
            #expect(result.status == 2, "\(path)")
            #expect(result.stderr == "regconsole: \(path): cannot read the report: \(reason)\n")
        }
    }

    @Test func aReportOverTheSizeLimitIsRefusedBeforeReading() async throws {
        defer { removeHome() }
        let file = directory.appendingPathComponent("huge.json")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 64 << 20 + 1)  // sparse: no disk space used
        try handle.close()
        let result = try await show(file.path)
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "regconsole: \(file.path): cannot read the report: it is larger than 64 MiB, the most regconsole reads of a report\n"
        )
    }
}
