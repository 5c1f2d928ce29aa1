import Foundation

/// Finds the Alibaba Cloud AccessKey for an ACR instance the way Alibaba's SDKs do: the environment,
/// then the aliyun CLI's `~/.aliyun/config.json`, then the shared `~/.alibabacloud/credentials.ini`.
public struct AlibabaCredentialChain: Sendable {
    private let environment: [String: String]

    /// The variable families read, primary first: `<prefix>ACCESS_KEY_ID`, `…_SECRET`, `…_SECURITY_TOKEN`.
    static let environmentPrefixes = ["ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"]
    /// The variables naming the profile, primary first.
    private static let profileVariables = ["ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"]
    /// The advice every "not usable" error ends with.
    private static let hint =
        "regconsole supports AK and StsToken profiles; "
        + "run `aliyun configure --mode AK --profile NAME` "
        + "or export ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET"

    /// Creates a chain reading the variables and files named by `environment` (`HOME`,
    /// `ALIBABA_CLOUD_*`, `ALIBABACLOUD_*`, `ALICLOUD_*`).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Resolves the credential. `profile` is the config entry's `profile` key (nil if unset).
    ///
    /// An explicit `profile` skips the environment keys. A profile named by `profile` or
    /// `ALIBABA_CLOUD_PROFILE` must exist in one of the files.
    /// - Throws: `RegistryError(.unauthorized)` when nothing is found, a file is malformed, a profile
    ///   is of an unsupported kind or has an empty key, or a requested profile does not exist.
    public func resolve(profile: String?) throws -> AlibabaCredential {
        let argument = profile.flatMap { $0.isEmpty ? nil : $0 }
        let requested = argument ?? Self.profileVariables.lazy.compactMap { value($0) }.first
        var consulted: [String] = []
        var missing: [String] = []

        if argument == nil {
            if let credential = environmentCredential(consulted: &consulted) { return credential }
        }
        if environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"]?.lowercased() == "true" {
            consulted.append("~/.aliyun/config.json (skipped: ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)")
        } else if let credential = try cliCredential(requested: requested, consulted: &consulted, missing: &missing) {
            return credential
        }
        let section = requested ?? "default"
        if let credential = try iniCredential(section: section, consulted: &consulted, missing: &missing) {
            return credential
        }
        if let requested {
            throw RegistryError(
                .unauthorized, "Alibaba Cloud profile '\(requested)' not found: \(missing.joined(separator: "; "))",
                hint: "use one of the profiles listed, or run `aliyun configure --mode AK --profile \(requested)`")
        }
        throw RegistryError(
            .unauthorized, "no Alibaba Cloud AccessKey found (consulted: \(consulted.joined(separator: ", ")))",
            hint: "export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`, "
                + "or set profile = \"NAME\" on the instance")
    }

    // MARK: - Environment

    private func environmentCredential(consulted: inout [String]) -> AlibabaCredential? {
        for prefix in Self.environmentPrefixes {
            let idName = "\(prefix)ACCESS_KEY_ID"
            let secretName = "\(prefix)ACCESS_KEY_SECRET"
            switch (value(idName), value(secretName)) {
            case (let id?, let secret?):
                return AlibabaCredential(
                    accessKeyID: id, accessKeySecret: secret, securityToken: value("\(prefix)SECURITY_TOKEN"),
                    source: "environment ($\(idName))")
            case (_?, nil):
                consulted.append("$\(idName) (set, but $\(secretName) is empty)")
            case (nil, _?):
                consulted.append("$\(secretName) (set, but $\(idName) is empty)")
            case (nil, nil):
                continue
            }
        }
        if consulted.isEmpty { consulted.append("$ALIBABA_CLOUD_ACCESS_KEY_ID/…_SECRET (not set)") }
        return nil
    }

    // MARK: - aliyun CLI config.json

    private func cliCredential(
        requested: String?, consulted: inout [String], missing: inout [String]
    ) throws -> AlibabaCredential? {
        let url = cliConfigURL
        let path = display(url)
        guard let config = try AliyunCLIConfig.load(url, displayPath: path) else {
            consulted.append("\(path) (not found)")
            missing.append("\(path) does not exist")
            return nil
        }
        let name = requested ?? config.current.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        guard let profile = config.profile(named: name) else {
            consulted.append("\(path) (no profile '\(name)')")
            missing.append("\(path) has \(Self.list(config.profileNames, quoted: { "'\($0)'" }))")
            return nil
        }
        let mode = profile.mode.flatMap { $0.isEmpty ? nil : $0 } ?? "AK"
        let label: String
        switch mode.lowercased() {
        case "ak": label = "AK"
        case "ststoken": label = "StsToken"
        default:
            throw RegistryError(
                .unauthorized, "\(path) profile '\(name)' uses mode \(mode), which regconsole cannot use",
                hint: Self.hint)
        }
        let source = "\(path) profile '\(name)' (\(label))"
        let id = try nonEmpty(profile.access_key_id, key: "access_key_id", in: source)
        let secret = try nonEmpty(profile.access_key_secret, key: "access_key_secret", in: source)
        let token = label == "StsToken" ? try nonEmpty(profile.sts_token, key: "sts_token", in: source) : nil
        return AlibabaCredential(accessKeyID: id, accessKeySecret: secret, securityToken: token, source: source)
    }

    // MARK: - credentials INI file

    private func iniCredential(
        section name: String, consulted: inout [String], missing: inout [String]
    ) throws -> AlibabaCredential? {
        let url: URL
        if let file = value("ALIBABA_CLOUD_CREDENTIALS_FILE") {
            url = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw RegistryError(
                    .unauthorized, "ALIBABA_CLOUD_CREDENTIALS_FILE names \(display(url)), which does not exist",
                    hint: "fix or unset ALIBABA_CLOUD_CREDENTIALS_FILE")
            }
        } else {
            let candidates = defaultCredentialsFiles
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                let paths = candidates.map(display).joined(separator: " or ")
                consulted.append("\(paths) (not found)")
                missing.append("no \(paths)")
                return nil
            }
            url = found
        }
        let path = display(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RegistryError(.unauthorized, "cannot read \(path)", hint: "check the file's permissions")
        }
        let file = INIFile.parse(String(decoding: data, as: UTF8.self))
        guard let section = file.sections[name] else {
            consulted.append("\(path) (no section [\(name)])")
            missing.append("\(path) has \(Self.list(file.order, quoted: { "[\($0)]" }))")
            return nil
        }
        let source = "\(path) [\(name)]"
        let type = section["type"].flatMap { $0.isEmpty ? nil : $0 } ?? "access_key"
        guard type == "access_key" else {
            throw RegistryError(
                .unauthorized, "\(source) is of type \(type), which regconsole cannot use", hint: Self.hint)
        }
        let id = try nonEmpty(section["access_key_id"], key: "access_key_id", in: source)
        let secret = try nonEmpty(section["access_key_secret"], key: "access_key_secret", in: source)
        return AlibabaCredential(accessKeyID: id, accessKeySecret: secret, source: source)
    }

    // MARK: - Helpers

    /// A variable's value, nil when unset or empty.
    func value(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private var home: URL { URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()) }

    /// The aliyun CLI's `~/.aliyun/config.json`.
    var cliConfigURL: URL { home.appendingPathComponent(".aliyun/config.json") }

    /// The credentials files read, first found first, when `ALIBABA_CLOUD_CREDENTIALS_FILE` is not set.
    var defaultCredentialsFiles: [URL] {
        [".alibabacloud/credentials.ini", ".alibabacloud/credentials"].map { home.appendingPathComponent($0) }
    }

    /// `url`'s path with `~` for the home directory.
    func display(_ url: URL) -> String {
        let homePath = home.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard homePath != "/", path.hasPrefix(homePath + "/") else { return path }
        return "~" + path.dropFirst(homePath.count)
    }

    private func nonEmpty(_ value: String?, key: String, in source: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw RegistryError(.unauthorized, "\(source): \(key) is empty", hint: Self.hint)
        }
        return value
    }

    private static func list(_ names: [String], quoted: (String) -> String) -> String {
        names.isEmpty ? "no profiles" : names.map(quoted).joined(separator: ", ")
    }
}
