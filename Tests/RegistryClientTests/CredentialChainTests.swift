import Foundation
import RegistryClient
import TestSupport
import Testing

/// The credential chain against real files and a real credential-helper program.
struct CredentialChainTests {
    private let temporary: TemporaryDirectory
    private var home: URL { temporary.url }

    init() throws {
        temporary = try TemporaryDirectory("creds")
    }

    private func write(_ text: String, to relativePath: String, executable: Bool = false) throws {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    }

    private var environment: [String: String] {
        [
            "HOME": home.path, "DOCKER_CONFIG": home.appendingPathComponent("docker").path,
            "XDG_RUNTIME_DIR": home.appendingPathComponent("run").path,
            "PATH": home.appendingPathComponent("bin").path + ":/usr/bin:/bin",
        ]
    }

    @Test func authsEntriesDecodeBase64AndMatchSchemeAndPathKeys() async throws {
        let auth = Data("alice:pa:ss".utf8).base64EncodedString()
        try write(#"{"auths": {"https://registry.example.com/v1/": {"auth": "\#(auth)"}}}"#, to: "docker/config.json")
        let lookup = try await CredentialChain(environment: environment).lookup(
            host: "registry.example.com", configured: .unspecified, instance: "r")
        let credential = try #require(lookup.credential)
        #expect(credential.username == "alice")
        guard case .password(let password) = credential.secret else {
            Issue.record("expected a password")
            return
        }
        #expect(password == "pa:ss")
        #expect(!credential.description.contains("pa:ss"))
    }

    @Test func credHelperWinsOverCredsStoreAndAuths() async throws {
        try write(
            #"""
            #!/bin/sh
            read server
            if [ "$1" = get ] && [ "$server" = "reg.example:5000" ]; then
              echo '{"ServerURL":"reg.example:5000","Username":"helper-user","Secret":"helper-secret"}'
            else
              echo "credentials not found in native keychain"; exit 1
            fi
            """#, to: "bin/docker-credential-fake", executable: true)
        try write(
            #"{"credHelpers": {"reg.example:5000": "fake"}, "credsStore": "missing", "auths": {"reg.example:5000": {"auth": "eDp5"}}}"#,
            to: "docker/config.json")
        let lookup = try await CredentialChain(environment: environment).lookup(
            host: "reg.example:5000", configured: .unspecified, instance: "r")
        #expect(lookup.credential?.username == "helper-user")
        #expect(lookup.credential?.source == "docker-credential-fake")
    }

    @Test func helperWithoutTheCredentialFallsBackToAuths() async throws {
        try write(
            "#!/bin/sh\necho 'credentials not found in native keychain'\nexit 1\n", to: "bin/docker-credential-empty",
            executable: true)
        try write(
            #"{"credsStore": "empty", "auths": {"other.example": {"auth": "\#(Data("u:p".utf8).base64EncodedString())"}}}"#,
            to: "docker/config.json")
        let lookup = try await CredentialChain(environment: environment).lookup(
            host: "other.example", configured: .unspecified, instance: "r")
        #expect(lookup.credential?.username == "u")
    }

    @Test func containersAuthFileIsConsulted() async throws {
        try write(
            #"{"auths": {"podman.example": {"auth": "\#(Data("pod:man".utf8).base64EncodedString())"}}}"#,
            to: "run/containers/auth.json")
        let chain = CredentialChain(environment: environment)
        let lookup = try await chain.lookup(host: "podman.example", configured: .unspecified, instance: "r")
        #expect(lookup.credential?.username == "pod")
        #expect(chain.knownHosts().map(\.host).contains("podman.example"))
    }

    @Test func configuredReferencesComeFirstAndFailLoudly() async throws {
        var env = environment
        env["REG_PW"] = "from-env"
        let chain = CredentialChain(environment: env)
        let fromEnv = try await chain.lookup(
            host: "h", configured: .passwordEnvironment(username: "bob", variable: "REG_PW"), instance: "i")
        #expect(fromEnv.credential?.username == "bob")
        await #expect(throws: RegistryError.self) {
            _ = try await chain.lookup(
                host: "h", configured: .passwordEnvironment(username: "bob", variable: "UNSET_PW"), instance: "i")
        }
        let fromCommand = try await chain.lookup(
            host: "h", configured: .passwordCommand(username: "c", arguments: ["printf", "secret\\nignored"]),
            instance: "i")
        guard case .password(let password)? = fromCommand.credential?.secret else {
            Issue.record("no password")
            return
        }
        #expect(password == "secret")
        await #expect(throws: RegistryError.self) {
            _ = try await chain.lookup(
                host: "h", configured: .passwordCommand(username: "c", arguments: ["false"]), instance: "i")
        }
    }

    /// The error a `password_command` lookup throws.
    private func passwordCommandError(
        _ arguments: [String], timeout: Duration = .seconds(10)
    ) async throws -> RegistryError {
        let chain = CredentialChain(environment: environment, passwordCommandTimeout: timeout)
        do {
            _ = try await chain.lookup(
                host: "h", configured: .passwordCommand(username: "c", arguments: arguments), instance: "i")
        } catch let error as RegistryError {
            return error
        }
        Issue.record("\(arguments) gave a password")
        return RegistryError(.unauthorized, "")
    }

    @Test func passwordCommandThatHangsIsStoppedAtItsTimeout() async throws {
        let error = try await passwordCommandError(["sleep", "100"], timeout: .seconds(1))
        #expect(error.message == "instance 'i': password_command did not finish within 1 s")
    }

    @Test func passwordCommandStderrIsCountedNeverShown() async throws {
        try write(
            "#!/bin/sh\necho 'leaked-secret-42' >&2\necho 'second line' >&2\nexit 3\n", to: "bin/noisy",
            executable: true)
        let error = try await passwordCommandError(["noisy"])
        #expect(
            error.message
                == "instance 'i': password_command exited with status 3 (its 2 line(s) of error output are not shown)")
        #expect(!error.description.contains("leaked-secret-42"))
    }

    @Test func passwordCommandPrintingNothingIsRefused() async throws {
        #expect(try await passwordCommandError(["true"]).message == "instance 'i': password_command printed nothing")
        let blank = try await passwordCommandError(["printf", "\\nsecond"])
        #expect(blank.message == "instance 'i': password_command printed an empty first line")
    }

    @Test func oversizedPasswordCommandOutputIsRefusedWithoutReadingItAll() async throws {
        // `yes` never stops by itself: only the capped read (closing the pipe) ends it.
        let error = try await passwordCommandError(["yes", "a-long-line-of-output"])
        #expect(error.message == "instance 'i': password_command printed more than 64 KiB")
    }

    @Test func nothingFoundListsWhatWasTried() async throws {
        let lookup = try await CredentialChain(environment: environment).lookup(
            host: "none.example", configured: .unspecified, instance: "r")
        #expect(lookup.credential == nil)
        #expect(lookup.consulted.contains { $0.hasSuffix("docker/config.json") })
        #expect(lookup.consulted.contains { $0.hasSuffix("containers/auth.json") })
    }
}
