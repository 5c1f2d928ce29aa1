import Foundation

/// Stores a registry login in a docker config file the way `docker login` does, for `regconsole
/// login`: `auths[host].auth` = base64(`user:password`), every other key and entry kept as it was,
/// the file's mode kept (a new file is 0600), written atomically. When the file names a
/// credential helper for the host (`credHelpers`) or for everything (`credsStore`), the login goes
/// to that helper instead and the file is left alone.
public struct DockerConfigWriter: Sendable {
    /// `config.json`.
    public let url: URL
    let environment: [String: String]

    /// Where the login went.
    public enum Destination: Sendable, Equatable {
        /// The config file's `auths`.
        case file(URL)
        /// `docker-credential-<name>`.
        case helper(String)
    }

    /// A writer of `url`, running helpers with `environment`.
    public init(url: URL, environment: [String: String]) {
        self.url = url
        self.environment = environment
    }

    /// The config of `$DOCKER_CONFIG`, else `~/.docker`.
    public init(environment: [String: String]) {
        let directory =
            environment["DOCKER_CONFIG"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".docker")
        self.init(url: directory.appendingPathComponent("config.json"), environment: environment)
    }

    /// Stores `username`/`password` for `host` (`host[:port]`).
    /// - Throws: `ConfigError` when the file is not a JSON object (nothing is written then), or
    ///   `RegistryError(.unauthorized)` when the helper fails.
    @discardableResult
    public func store(host: String, username: String, password: String) async throws -> Destination {
        var document = try load()
        if let helper = helper(for: host, in: document) {
            try await store(helper: helper, host: host, username: username, password: password)
            return .helper(helper)
        }
        var auths = document["auths"] as? [String: Any] ?? [:]
        // Drop other spellings of the same host (`https://host/v1/`) so one entry answers.
        for key in auths.keys where key != host && DockerConfigFile.normalize(key) == host { auths[key] = nil }
        var entry = auths[host] as? [String: Any] ?? [:]
        entry["auth"] = Data("\(username):\(password)".utf8).base64EncodedString()
        for stale in ["username", "password", "identitytoken", "registrytoken"] { entry[stale] = nil }
        auths[host] = entry
        document["auths"] = auths
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        try AtomicFile.write(data + Data("\n".utf8), to: url, permissions: currentMode() ?? 0o600)
        return .file(url)
    }

    private func load() throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigError(
                file: url.path, line: nil, message: "not a JSON object; fix or move it before logging in")
        }
        return object
    }

    private func helper(for host: String, in document: [String: Any]) -> String? {
        let perHost = document["credHelpers"] as? [String: String] ?? [:]
        if let name = perHost.first(where: { DockerConfigFile.normalize($0.key) == host })?.value, !name.isEmpty {
            return name
        }
        return (document["credsStore"] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func store(helper name: String, host: String, username: String, password: String) async throws {
        let program = "docker-credential-\(name)"
        let input = try JSONSerialization.data(withJSONObject: [
            "ServerURL": host, "Username": username, "Secret": password,
        ])
        let output: CommandRunner.Output
        do {
            output = try await CommandRunner.run(
                [program, "store"], input: input, environment: environment, timeout: .seconds(30))
        } catch {
            throw RegistryError(
                .unauthorized, "credential helper \(program) could not be run: \(error)",
                hint: "install \(program) or remove credHelpers/credsStore from \(url.path)")
        }
        guard output.status == 0 else {
            let said = String(decoding: output.stdout.prefix(200), as: UTF8.self)
            throw RegistryError(
                .unauthorized, "credential helper \(program) refused to store the login: \(said)",
                hint: "run '\(program) list' by hand")
        }
    }

    /// The permission bits of the existing file.
    private func currentMode() -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
    }
}
