import Foundation
import Logging

/// Finds the credential for a registry host, in order: the instance's config entry, the docker
/// config (`credHelpers` › `credsStore` › `auths`), then `$XDG_RUNTIME_DIR/containers/auth.json`.
public struct CredentialChain: Sendable {
    /// The outcome of a lookup: the credential, if any, and every source consulted (for messages).
    public struct Lookup: Sendable {
        public var credential: Credential?
        public var consulted: [String]
    }

    private let environment: [String: String]
    private let passwordCommandTimeout: Duration
    private let logger = Logger(label: "regconsole.credentials")

    /// Creates a chain reading files and helpers named by `environment` (`HOME`, `DOCKER_CONFIG`,
    /// `XDG_RUNTIME_DIR`, and the variables `password_env` names).
    /// - Parameter passwordCommandTimeout: how long a `password_command` may run.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        passwordCommandTimeout: Duration = .seconds(10)
    ) {
        self.environment = environment
        self.passwordCommandTimeout = passwordCommandTimeout
    }

    /// The docker config file docker itself would read.
    public var dockerConfigURL: URL {
        if let directory = environment["DOCKER_CONFIG"], !directory.isEmpty {
            return URL(fileURLWithPath: directory).appendingPathComponent("config.json")
        }
        return URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(
            ".docker/config.json")
    }

    /// Podman/skopeo's auth file, when `XDG_RUNTIME_DIR` is set.
    public var containersAuthURL: URL? {
        environment["XDG_RUNTIME_DIR"].map { URL(fileURLWithPath: $0).appendingPathComponent("containers/auth.json") }
    }

    /// Registry hosts with an entry in the docker config or containers auth file.
    public func knownHosts() -> [(host: String, file: URL)] {
        [dockerConfigURL, containersAuthURL].compactMap { $0 }.flatMap { url in
            ((try? DockerConfigFile.load(url)) ?? nil)?.hosts.map { (host: $0, file: url) } ?? []
        }
    }

    /// Resolves the credential for `host`.
    /// - Throws: `RegistryError(.unauthorized)` when a configured reference cannot be followed
    ///   (variable unset, command failed) — a configured credential is never silently skipped.
    public func lookup(host: String, configured: CredentialSource, instance: String) async throws -> Lookup {
        var consulted: [String] = []
        switch configured {
        case .unspecified:
            break
        case .password(let username, let password):
            return Lookup(
                credential: Credential(
                    username: username, secret: .password(password), source: "config instance '\(instance)'"),
                consulted: [configured.summary])
        case .passwordEnvironment(let username, let variable):
            guard let password = environment[variable], !password.isEmpty else {
                throw RegistryError(
                    .unauthorized, "instance '\(instance)': password_env names $\(variable), which is not set",
                    hint: "export \(variable) or change password_env in the config")
            }
            return Lookup(
                credential: Credential(username: username, secret: .password(password), source: "$\(variable)"),
                consulted: [configured.summary])
        case .passwordCommand(let username, let arguments):
            let password = try await runPasswordCommand(arguments, instance: instance)
            return Lookup(
                credential: Credential(username: username, secret: .password(password), source: "password_command"),
                consulted: [configured.summary])
        }

        for url in [dockerConfigURL, containersAuthURL].compactMap({ $0 }) {
            consulted.append(url.path)
            guard let file = try DockerConfigFile.load(url) else { continue }
            if let helper = file.credHelpers?[host]
                ?? file.credHelpers?.first(where: { DockerConfigFile.normalize($0.key) == host })?.value
            {
                consulted[consulted.count - 1] += " (credHelpers: docker-credential-\(helper))"
                if let credential = try await CredentialHelper(name: helper, environment: environment).get(
                    serverURL: host)
                {
                    return Lookup(credential: credential, consulted: consulted)
                }
            } else if let store = file.credsStore, !store.isEmpty {
                consulted[consulted.count - 1] += " (credsStore: docker-credential-\(store))"
                if let credential = try await CredentialHelper(name: store, environment: environment).get(
                    serverURL: host)
                {
                    return Lookup(credential: credential, consulted: consulted)
                }
            }
            if let entry = file.authEntry(for: host),
                let credential = DockerConfigFile.credential(from: entry, source: "\(url.path) (auths)")
            {
                return Lookup(credential: credential, consulted: consulted)
            }
        }
        return Lookup(credential: nil, consulted: consulted)
    }

    /// The most a `password_command` may print.
    static let passwordCommandOutputLimit = 64 * 1024

    private func runPasswordCommand(_ arguments: [String], instance: String) async throws -> String {
        let output: CommandRunner.Output
        do {
            output = try await CommandRunner.run(
                arguments, environment: environment, timeout: passwordCommandTimeout,
                outputLimit: Self.passwordCommandOutputLimit)
        } catch CommandRunner.Failure.timedOut(_, let seconds) {
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command did not finish within \(seconds) s",
                hint: "run the command by hand; it may be waiting for input")
        } catch {
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command failed: \(error)",
                hint: "check password_command in the config")
        }
        if output.stderrLines > 0 {
            logger.debug("password_command of '\(instance)' wrote \(output.stderrLines) line(s) to stderr (not shown)")
        }
        guard !output.stdoutOverflowed else {
            let limit = Self.passwordCommandOutputLimit / 1024
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command printed more than \(limit) KiB",
                hint: "it should print only the password, on its first line")
        }
        guard output.status == 0 else {
            let lines = output.stderrLines
            let unshown = lines == 0 ? "" : " (its \(lines) line(s) of error output are not shown)"
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command exited with status \(output.status)\(unshown)",
                hint: "run the command by hand to see why")
        }
        let text = String(decoding: output.stdout, as: UTF8.self)
        let password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !password.isEmpty else {
            let what = text.isEmpty ? "nothing" : "an empty first line"
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command printed \(what)",
                hint: "it should print the password on its first line")
        }
        return password
    }
}
