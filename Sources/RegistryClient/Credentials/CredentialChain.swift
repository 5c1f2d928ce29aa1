import Foundation

/// Finds the credential for a registry host, in order: the instance's config entry, the docker
/// config (`credHelpers` › `credsStore` › `auths`), then `$XDG_RUNTIME_DIR/containers/auth.json`.
public struct CredentialChain: Sendable {
    /// The outcome of a lookup: the credential, if any, and every source consulted (for messages).
    public struct Lookup: Sendable {
        public var credential: Credential?
        public var consulted: [String]
    }

    private let environment: [String: String]

    /// Creates a chain reading files and helpers named by `environment` (`HOME`, `DOCKER_CONFIG`,
    /// `XDG_RUNTIME_DIR`, and the variables `password_env` names).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The docker config file docker itself would read.
    public var dockerConfigURL: URL {
        if let directory = environment["DOCKER_CONFIG"], !directory.isEmpty {
            return URL(fileURLWithPath: directory).appendingPathComponent("config.json")
        }
        return URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".docker/config.json")
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
            return Lookup(credential: Credential(username: username, secret: .password(password), source: "config instance '\(instance)'"), consulted: [configured.summary])
        case .passwordEnvironment(let username, let variable):
            guard let password = environment[variable], !password.isEmpty else {
                throw RegistryError(
                    .unauthorized, "instance '\(instance)': password_env names $\(variable), which is not set",
                    hint: "export \(variable) or change password_env in the config")
            }
            return Lookup(credential: Credential(username: username, secret: .password(password), source: "$\(variable)"), consulted: [configured.summary])
        case .passwordCommand(let username, let arguments):
            let password = try await runPasswordCommand(arguments, instance: instance)
            return Lookup(credential: Credential(username: username, secret: .password(password), source: "password_command"), consulted: [configured.summary])
        }

        for url in [dockerConfigURL, containersAuthURL].compactMap({ $0 }) {
            consulted.append(url.path)
            guard let file = try DockerConfigFile.load(url) else { continue }
            if let helper = file.credHelpers?[host] ?? file.credHelpers?.first(where: { DockerConfigFile.normalize($0.key) == host })?.value {
                consulted[consulted.count - 1] += " (credHelpers: docker-credential-\(helper))"
                if let credential = try await CredentialHelper(name: helper, environment: environment).get(serverURL: host) { return Lookup(credential: credential, consulted: consulted) }
            } else if let store = file.credsStore, !store.isEmpty {
                consulted[consulted.count - 1] += " (credsStore: docker-credential-\(store))"
                if let credential = try await CredentialHelper(name: store, environment: environment).get(serverURL: host) { return Lookup(credential: credential, consulted: consulted) }
            }
            if let entry = file.authEntry(for: host),
                let credential = DockerConfigFile.credential(from: entry, source: "\(url.path) (auths)")
            {
                return Lookup(credential: credential, consulted: consulted)
            }
        }
        return Lookup(credential: nil, consulted: consulted)
    }

    private func runPasswordCommand(_ arguments: [String], instance: String) async throws -> String {
        let output: CommandRunner.Output
        do {
            output = try await CommandRunner.run(arguments, environment: environment)
        } catch {
            throw RegistryError(.unauthorized, "instance '\(instance)': password_command failed: \(error)", hint: "check password_command in the config")
        }
        guard output.status == 0 else {
            let reason = String(decoding: output.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw RegistryError(
                .unauthorized, "instance '\(instance)': password_command exited with status \(output.status) \(reason)",
                hint: "run the command by hand to see why")
        }
        let text = String(decoding: output.stdout, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}
