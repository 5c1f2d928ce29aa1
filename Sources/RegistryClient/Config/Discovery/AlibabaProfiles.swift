import Foundation

/// The Alibaba Cloud AccessKeys `AlibabaCredentialChain` can use, each with a region: the
/// environment's keys, the aliyun CLI's profiles and the credentials file's sections. Keys
/// themselves are not kept.
struct AlibabaProfiles {
    /// One usable key and its region.
    struct Profile: Equatable {
        /// The value for `profile = "…"`; nil for the environment's keys (an entry without `profile`).
        var name: String?
        /// Where the key is (`aliyun CLI profile 'work' (~/.aliyun/config.json)`).
        var source: String
        var region: String
    }

    var profiles: [Profile] = []
    /// Keys and profiles that cannot be used, and why.
    var notes: [String] = []

    /// The variables that may name the environment key's region, primary first.
    static let regionVariables = ["ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID"]

    /// Reads what `AlibabaCredentialChain` would read for `environment`.
    init(environment: [String: String]) {
        let chain = AlibabaCredentialChain(environment: environment)
        readEnvironment(chain)
        if chain.value("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")?.lowercased() != "true" { readCLIConfig(chain) }
        readCredentialsFile(chain)
    }

    private mutating func readEnvironment(_ chain: AlibabaCredentialChain) {
        for prefix in AlibabaCredentialChain.environmentPrefixes {
            let variable = "\(prefix)ACCESS_KEY_ID"
            guard chain.value(variable) != nil, chain.value("\(prefix)ACCESS_KEY_SECRET") != nil else { continue }
            guard let region = Self.regionVariables.lazy.compactMap({ chain.value($0) }).first else {
                notes.append(
                    "$\(variable) is set but ALIBABA_CLOUD_REGION_ID is not: set it to list that key's ACR instances")
                return
            }
            profiles.append(Profile(name: nil, source: "environment ($\(variable))", region: region))
            return
        }
    }

    private mutating func readCLIConfig(_ chain: AlibabaCredentialChain) {
        let path = chain.display(chain.cliConfigURL)
        let config: AliyunCLIConfig
        do {
            guard let loaded = try AliyunCLIConfig.load(chain.cliConfigURL, displayPath: path) else { return }
            config = loaded
        } catch {
            notes.append("\(error) (skipped)")
            return
        }
        for profile in config.profiles ?? [] {
            guard let name = profile.name, !name.isEmpty else { continue }
            let source = "aliyun CLI profile '\(name)' (\(path))"
            let mode = profile.mode.flatMap { $0.isEmpty ? nil : $0 } ?? "AK"
            guard ["ak", "ststoken"].contains(mode.lowercased()) else {
                notes.append("\(source) uses mode \(mode), which regconsole cannot use (skipped)")
                continue
            }
            guard profile.access_key_id?.isEmpty == false, profile.access_key_secret?.isEmpty == false else {
                notes.append("\(source) has an empty AccessKey (skipped)")
                continue
            }
            add(name: name, source: source, region: profile.region_id)
        }
    }

    private mutating func readCredentialsFile(_ chain: AlibabaCredentialChain) {
        let url =
            chain.value("ALIBABA_CLOUD_CREDENTIALS_FILE").map { URL(fileURLWithPath: $0) }
            ?? chain.defaultCredentialsFiles.first { FileManager.default.fileExists(atPath: $0.path) }
        guard let url, let data = FileManager.default.contents(atPath: url.path) else { return }
        let file = INIFile.parse(String(decoding: data, as: UTF8.self))
        let path = chain.display(url)
        for name in file.order {
            guard let section = file.sections[name] else { continue }
            let source = "\(path) [\(name)]"
            guard !profiles.contains(where: { $0.name == name }) else {
                notes.append("\(source) is hidden by the aliyun CLI profile of the same name (skipped)")
                continue
            }
            let type = section["type"].flatMap { $0.isEmpty ? nil : $0 } ?? "access_key"
            guard type == "access_key" else {
                notes.append("\(source) is of type \(type), which regconsole cannot use (skipped)")
                continue
            }
            guard section["access_key_id"]?.isEmpty == false, section["access_key_secret"]?.isEmpty == false else {
                notes.append("\(source) has an empty AccessKey (skipped)")
                continue
            }
            add(name: name, source: source, region: section["region_id"] ?? section["region"])
        }
    }

    private mutating func add(name: String, source: String, region: String?) {
        guard let region, !region.isEmpty else {
            notes.append("\(source) has no region_id: set one to list its ACR instances (skipped)")
            return
        }
        profiles.append(Profile(name: name, source: source, region: region))
    }
}
