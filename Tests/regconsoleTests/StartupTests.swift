import Foundation
import TestSupport
import Testing

/// What start-up loads: commands that make no request never open libcurl and the libraries behind
/// it (TLS, Kerberos, LDAP, SSH), and subcommand names need no type-name lookup.
struct StartupTests {
    @Test func versionAndConfigLoadNoLibcurl() async throws {
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let version = try await cli.run(["--version"], extraEnvironment: ["LD_DEBUG": "files"])
        #expect(version.status == 0)
        #expect(
            version.stdout.wholeMatch(of: /0\.1\.0 \(([0-9a-f]{7}(-dirty)?|unknown)\)\n/) != nil, "\(version.stdout)")
        // The loader reported what it opened, so the absence below means something.
        #expect(version.stderr.contains("file=libc.so.6"))
        #expect(!version.stderr.contains("libcurl"))
        let path = try await cli.run(["config", "path"], extraEnvironment: ["LD_DEBUG": "files"])
        #expect(path.status == 0)
        #expect(path.stderr.contains("file=libc.so.6"))
        #expect(!path.stderr.contains("libcurl"))
    }

    @Test func configSubcommandsKeepTheirNames() async throws {
        let cli = try CLIRunner(configTOML: "read_only = true\n")
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let path = try await cli.run(["config", "path"])
        #expect(path.status == 0)
        #expect(path.stdout == cli.configPath.path + "\n")
        let check = try await cli.run(["config", "check"])
        #expect(check.status == 0)
        #expect(check.stdout == "\(cli.configPath.path): ok, 0 instance(s)\n")
    }
}
