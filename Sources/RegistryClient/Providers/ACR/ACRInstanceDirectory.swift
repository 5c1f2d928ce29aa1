import Foundation

/// The ACR instances one `kind = "acr"` config entry stands for: the one its `instance_id` names,
/// or every instance in its region, named `ENTRY.INSTANCE_NAME`.
public struct ACRInstanceDirectory: Sendable {
    /// One instance found, with what it takes to make its provider.
    public struct Listing: Sendable {
        public var instance: Instance
        public var instanceID: String
        /// The client of its region and credential.
        public var client: ACRClient
    }

    private let client: ACRClient
    private let entry: InstanceConfig
    private let readOnly: Bool

    /// Creates the directory of an entry, resolving its Alibaba Cloud credential.
    /// - Throws: `RegistryError` when no credential is found or the region is unknown.
    public init(entry: InstanceConfig, http: any HTTPClient, environment: [String: String], forceReadOnly: Bool) throws
    {
        let credential = try AlibabaCredentialChain(environment: environment).resolve(profile: entry.profile)
        self.client = try ACRClient(
            region: entry.region ?? "", endpoint: entry.endpoint, credential: credential, http: http)
        self.entry = entry
        self.readOnly = entry.readOnly || forceReadOnly
    }

    /// Every instance of the entry, with id, specification, status and credential source.
    public func listings() async throws -> [Listing] {
        if let id = entry.instanceID {
            let record: ACRInstanceRecord = try await client.call(.getInstance, ["InstanceId": id])
            return [listing(record, name: entry.name)]
        }
        let pages: AsyncThrowingStream<[ACRInstanceRecord], any Error> = client.pages(
            .listInstance, [:], itemsKey: "Instances")
        return try await pages.collect().map { listing($0, name: "\(entry.name).\($0.InstanceName ?? $0.InstanceId)") }
    }

    /// The entry as one row that says why its instances could not be listed.
    public static func failed(_ entry: InstanceConfig, error: any Error, forceReadOnly: Bool) -> Instance {
        Instance(
            name: entry.name, kind: .acr, url: nil, region: entry.region, origin: .config,
            readOnly: entry.readOnly || forceReadOnly,
            production: entry.production, unavailableReason: (error as? RegistryError)?.description ?? "\(error)")
    }

    private func listing(_ record: ACRInstanceRecord, name: String) -> Listing {
        let instance = Instance(
            name: name, kind: .acr, url: nil, region: record.RegionId ?? entry.region, origin: .config,
            insecure: entry.insecure,
            readOnly: readOnly, production: entry.production, serverID: record.InstanceId,
            specification: record.InstanceSpecification, state: record.InstanceStatus,
            credentialSource: client.credentialSource)
        return Listing(instance: instance, instanceID: record.InstanceId, client: client)
    }
}
