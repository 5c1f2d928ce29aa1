import Foundation
import RegistryClient
import TestSupport
import Testing

/// `config init` in a home whose docker config names the shared plain registry, the Harbor
/// emulator, an ACR Enterprise host, an ACR Personal Edition host and Docker Hub, and whose aliyun
/// CLI config has a profile for the ACR emulator: the proposals it writes, the secrets it does not,
/// and the file it refuses to overwrite or backs up.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct ConfigInitTests {
    private static let dockerSecret = "DockerPassw0rd-never-copied"

    /// A runner without a config whose home holds the docker and aliyun CLI configs, the harness,
    /// a Harbor emulator of its own (the caller stops it) and the shared ACR emulator.
    private func home() async throws -> (CLIRunner, HarnessState, HarborEmulator, ACREmulator) {
        let state = try await RegistryHarness.shared()
        let harbor = try await HarborEmulator.start(registry: state.basic)
        let acr = try await ACREmulator.shared()
        let cli = try CLIRunner()
        let auth = Data("alice:\(Self.dockerSecret)".utf8).base64EncodedString()
        try cli.writeDockerConfig(
            """
            {"auths": {
               "\(state.anonymous.host)": {"auth": "\(auth)"},
               "http://\(harbor.endpoint)": {"auth": "\(auth)"},
               "myco-registry.cn-shanghai.cr.aliyuncs.com": {"auth": "\(auth)"},
               "\(acr.instances[0].name)-registry.\(acr.region).cr.aliyuncs.com": {"auth": "\(auth)"},
               "https://index.docker.io/v1/": {"auth": "\(auth)"}},
             "credHelpers": {"registry.cn-beijing.aliyuncs.com": "acr-helper"}}
            """)
        let aliyun = cli.home.appendingPathComponent(".aliyun/config.json")
        try FileManager.default.createDirectory(
            at: aliyun.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(
            """
            {"current": "work", "profiles": [
              {"name": "work", "mode": "AK", "access_key_id": "\(acr.key.id)",
               "access_key_secret": "\(acr.key.secret)", "region_id": "\(acr.region)"},
              {"name": "role", "mode": "RamRoleArn", "access_key_id": "x", "access_key_secret": "y",
               "region_id": "cn-hangzhou"}]}
            """.utf8
        ).write(to: aliyun)
        return (cli, state, harbor, acr)
    }

    @Test func yesWritesEveryProposalWithoutCopyingASecret() async throws {
        let (cli, state, harbor, acr) = try await home()
        defer { harbor.stop() }
        let result = try await cli.run(["config", "init", "--yes", "--acr-endpoint", acr.url])
        #expect(result.status == 0, "\(result.stderr)")

        let text = try String(contentsOf: cli.configPath, encoding: .utf8)
        for secret in [Self.dockerSecret, acr.key.secret, acr.key.id, "alice"] {
            #expect(!text.contains(secret), "\(secret) in the written file")
            #expect(!result.stdout.contains(secret), "\(secret) in the output")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: cli.configPath.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        let config = try Config.load(path: cli.configPath.path)
        let registries = [
            (state.anonymous.host, InstanceKind.distribution, state.anonymous.url),
            (harbor.endpoint, InstanceKind.harbor, harbor.url),
        ].sorted { $0.0 < $1.0 }
        var expected = registries.map { host, kind, url in
            InstanceConfig(name: host.replacingOccurrences(of: ":", with: "-"), kind: kind, url: URL(string: url))
        }
        expected += [
            InstanceConfig(name: "myco", kind: .acr, region: "cn-shanghai"),
            InstanceConfig(name: "acr-personal-cn-beijing", kind: .acr, region: "cn-beijing", edition: .personal),
        ]
        expected += acr.instances.map {
            InstanceConfig(
                name: $0.name, kind: .acr, region: acr.region, instanceID: $0.id, endpoint: URL(string: acr.url),
                profile: "work")
        }
        #expect(config.instances == expected)

        let dockerConfig = cli.home.appendingPathComponent(".docker/config.json").path
        #expect(text.contains("# Credentials: the auths entry in \(dockerConfig), looked up at run time\n"))
        #expect(text.contains("# Credentials: an AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, the aliyun CLI's"))
        #expect(text.contains("# Credentials: the AccessKey of aliyun CLI profile 'work' (~/.aliyun/config.json)\n"))
        #expect(result.stdout.contains("1. \(expected[0].name) (\(expected[0].kind.rawValue)) \(registries[0].2)\n"))
        #expect(result.stdout.contains("uses mode RamRoleArn, which regconsole cannot use (skipped)"))
        #expect(result.stdout.contains("index.docker.io (\(dockerConfig)) is Docker Hub"))
        let listedHost = "\(acr.instances[0].name)-registry.\(acr.region).cr.aliyuncs.com"
        #expect(result.stdout.contains("\(listedHost) is the ACR instance '\(acr.instances[0].name)' listed below"))

        let check = try await cli.run(["config", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("\(cli.configPath.path): ok, \(expected.count) instance(s)"))
    }

    @Test func anExistingFileIsKeptUnlessForcedAndThenBackedUp() async throws {
        let (cli, _, harbor, acr) = try await home()
        defer { harbor.stop() }
        let old = "# mine\nread_only = true\n"
        try cli.writeConfig(old)
        let refused = try await cli.run(["config", "init", "--yes"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists; pass --force to replace it (the old file is kept as a .bak backup)"))
        #expect(try Data(contentsOf: cli.configPath) == Data(old.utf8))

        let forced = try await cli.run(["config", "init", "--yes", "--force", "--acr-endpoint", acr.url])
        #expect(forced.status == 0, "\(forced.stderr)")
        let backup = cli.configPath.appendingPathExtension("bak")
        #expect(try Data(contentsOf: backup) == Data(old.utf8))
        #expect(forced.stdout.contains("The old file is kept as \(backup.path).\n"))
        #expect(try Config.load(path: cli.configPath.path).instances.count >= 4)
    }

    @Test func withoutATerminalOrYesNothingIsWritten() async throws {
        let (cli, _, harbor, acr) = try await home()
        defer { harbor.stop() }
        let result = try await cli.run(["config", "init", "--acr-endpoint", acr.url])
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard input is not a terminal: pass --yes"))
        #expect(result.stdout.contains("1. "))
        #expect(!FileManager.default.fileExists(atPath: cli.configPath.path))
    }

    @Test func aHomeWithNothingToProposeGetsNoFile() async throws {
        let cli = try CLIRunner()
        let result = try await cli.run(["config", "init", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Nothing to propose; no file written.\n")
        #expect(!FileManager.default.fileExists(atPath: cli.configPath.path))
    }

    @Test func theGlobalConfigPathIsWhereTheFileGoes() async throws {
        let cli = try CLIRunner()
        try cli.writeDockerConfig(#"{"auths": {"registry.cn-beijing.aliyuncs.com": {}}}"#)
        let target = cli.home.appendingPathComponent("elsewhere/regconsole.toml")
        let result = try await cli.run(["config", "init", "--yes", "--config", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        let config = try Config.load(path: target.path)
        #expect(
            config.instances == [
                InstanceConfig(name: "acr-personal-cn-beijing", kind: .acr, region: "cn-beijing", edition: .personal)
            ])
        #expect(!FileManager.default.fileExists(atPath: cli.configPath.path))
    }

    @Test func onATerminalAllOrEachProposalIsAsked() async throws {
        let cli = try CLIRunner()
        try cli.writeDockerConfig(
            #"{"auths": {"myco-registry.cn-shanghai.cr.aliyuncs.com": {}, "registry.cn-beijing.aliyuncs.com": {}}}"#)
        let declined = try await cli.runOnTerminal(
            ["config", "init"], prompt: "Write all 2? [Y/n/e=ask each] ", answer: "n")
        #expect(declined.status == 0 && declined.answered)
        #expect(declined.output.contains("Nothing accepted; no file written."))
        #expect(!FileManager.default.fileExists(atPath: cli.configPath.path))

        // The lines typed ahead answer the questions that follow: each one, the first declined.
        let each = try await cli.runOnTerminal(
            ["config", "init"], prompt: "Write all 2? [Y/n/e=ask each] ", answer: "e\nn\ny")
        #expect(each.status == 0, "\(each.output)")
        #expect(
            each.output.contains("Write 1. myco? [Y/n] ")
                && each.output.contains("Write 2. acr-personal-cn-beijing? [Y/n] "))
        #expect(
            try Config.load(path: cli.configPath.path).instances == [
                InstanceConfig(name: "acr-personal-cn-beijing", kind: .acr, region: "cn-beijing", edition: .personal)
            ])
    }
}
