import Foundation

/// The aliyun CLI's `~/.aliyun/config.json`: named profiles and the current one. Only the fields
/// regconsole reads are decoded.
struct AliyunCLIConfig: Sendable, Decodable {
    /// One entry of `profiles`.
    struct Profile: Sendable, Decodable {
        var name: String?
        var mode: String?
        var access_key_id: String?
        var access_key_secret: String?
        var sts_token: String?
        var region_id: String?
    }

    var current: String?
    var profiles: [Profile]?

    /// Loads and decodes the file; nil when it does not exist.
    /// - Throws: `RegistryError(.unauthorized)` naming `displayPath` when it is not valid JSON of this shape.
    static func load(_ url: URL, displayPath: String) throws -> AliyunCLIConfig? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(AliyunCLIConfig.self, from: data)
        } catch {
            throw RegistryError(
                .unauthorized,
                "\(displayPath) is not a valid aliyun CLI config: \(DecodingErrorSummary.describe(error))",
                hint: "fix the file, run `aliyun configure`, or set ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true to skip it")
        }
    }

    /// The names of every profile, in file order.
    var profileNames: [String] { (profiles ?? []).compactMap(\.name) }

    /// The profile called `name`, if there is one.
    func profile(named name: String) -> Profile? {
        profiles?.first { $0.name == name }
    }
}
