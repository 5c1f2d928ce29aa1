import Foundation

/// Lists the ACR Enterprise instances one Alibaba Cloud key sees in its region, for `config init`:
/// one try, no retries (an unreachable API is reported, not waited for).
struct ACRInstanceLister: Sendable {
    /// One instance found.
    struct Found: Sendable, Equatable {
        var id: String
        var name: String
        var region: String
    }

    let http: any HTTPClient
    /// The OpenAPI endpoint instead of `cr.<region>.aliyuncs.com`.
    let endpoint: URL?
    let environment: [String: String]

    /// The instances `profile` sees.
    /// - Throws: `RegistryError` when the key cannot be resolved or the API fails.
    func instances(for profile: AlibabaProfiles.Profile) async throws -> [Found] {
        let credential = try AlibabaCredentialChain(environment: environment).resolve(profile: profile.name)
        let client = try ACRClient(
            region: profile.region, endpoint: endpoint, credential: credential, http: http, retry: .none)
        let records: [ACRInstanceRecord] = try await client.pages(.listInstance, [:], itemsKey: "Instances").collect()
        return records.map {
            Found(id: $0.InstanceId, name: $0.InstanceName ?? $0.InstanceId, region: $0.RegionId ?? profile.region)
        }
    }
}
