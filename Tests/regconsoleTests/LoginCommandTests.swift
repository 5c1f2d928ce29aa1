import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole login …` against the ACR emulator, whose temporary credentials are the login of
/// the basic-auth registry it fronts: written into the docker config they must let a plain,
/// credential-less instance of that registry list its tags.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct LoginCommandTests {
    private static let emulator = PrivateACREmulator()
    /// Another registry's entry, which a login must keep.
    private static let otherAuth = Data("someone:elsewhere".utf8).base64EncodedString()

    @Test func loginMergesIntoTheDockerConfigAndTheCredentialsWork() async throws {
        let emulator = try await Self.emulator.fresh()
        let registry = try await RegistryHarness.shared().basic
        let acr = try await ACRCLI.make(
            emulator,
            extraConfig: """

                [[instances]]
                name = "plain"
                url = "\(registry.url)"
                """)
        let config = acr.cli.home.appendingPathComponent(".docker/config.json")
        try acr.cli.writeDockerConfig(
            #"{"auths": {"other.example.com": {"auth": "\#(Self.otherAuth)"}}, "psFormat": "x"}"#)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: config.path)

        let before = try await acr.run(["tags", "plain/ns/app"])
        #expect(before.status == 1, "the registry lets no one in without a login")

        let login = try await acr.succeed(["login", "acr.emulator-main", "--hours", "3"])
        #expect(
            login.stdout.contains(
                "Logged in to \(registry.host) as \(registry.username ?? "?"); the credentials expire at "))
        #expect(login.stdout.contains("(in 3 h)"))
        let password = try #require(registry.password)
        #expect(!login.stdout.contains(password) && !login.stderr.contains(password))

        let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as? [String: Any])
        #expect(document["psFormat"] as? String == "x")
        let auths = try #require(document["auths"] as? [String: [String: String]])
        #expect(auths["other.example.com"]?["auth"] == Self.otherAuth)
        let written = try #require(auths[registry.host]?["auth"].flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: written, as: UTF8.self) == "\(registry.username ?? "?"):\(password)")

        let audit = acr.auditEntries
        #expect(audit.map(\.action) == ["login"])
        #expect(audit.first?.detail == "\(registry.username ?? "?")@\(registry.host) → \(config.path)")
        let logText = try String(
            contentsOf: AuditLog(directories: XDGDirectories(environment: acr.cli.environment)).url, encoding: .utf8)
        #expect(!logText.contains(password))

        // The written login is what lets an instance without credentials in the config in.
        let tags = try await acr.jsonArray(["tags", "plain/ns/app"]).compactMap { $0["name"] as? String }
        let seeded = try acr.fixture.seededImages("ns/app").keys
        #expect(!seeded.isEmpty && Set(seeded).isSubset(of: Set(tags)))
    }

    @Test func printWritesOnlyThePasswordAndNoConfig() async throws {
        let emulator = try await Self.emulator.fresh()
        let registry = try await RegistryHarness.shared().basic
        let acr = try await ACRCLI.make(emulator)
        let printed = try await acr.succeed(["login", "acr.emulator-main", "--print"])
        #expect(printed.stdout == "\(registry.password ?? "?")\n")
        #expect(printed.stderr.contains("Password for \(registry.host) as \(registry.username ?? "?")"))
        let config = acr.cli.home.appendingPathComponent(".docker/config.json")
        #expect(!FileManager.default.fileExists(atPath: config.path))
        #expect(acr.auditEntries.first?.detail?.hasSuffix("→ standard output") == true)

        let onTerminal = try await acr.cli.runOnTerminal(
            ["login", "acr.emulator-main", "--print"], prompt: "never asked", answer: "", timeout: 20)
        #expect(onTerminal.status == 2 && !onTerminal.answered)
        #expect(onTerminal.output.contains("refusing to print the password on a terminal; pipe it"))
        #expect(!onTerminal.output.contains(registry.password ?? "?"))

        let tooLong = try await acr.run(["login", "acr.emulator-main", "--hours", "25"])
        #expect(tooLong.status == 2 && tooLong.stderr.contains("--hours must be 1 to 24"))
        let plain = try await acr.run(["login", "local"])
        #expect(plain.status == 2 && plain.stderr.contains("temporary logins need an ACR Enterprise instance"))
    }
}
