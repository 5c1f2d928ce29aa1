/// Delivery chains and their runs. Chains are read here; their configuration's exact shape on
/// write is unverified against the live service, so they are edited in the ACR console.
extension ACRProvider: DeliveryChains {
    /// Lists the chains, then reads each one's configuration (8 at a time): ACR lists chains
    /// without their steps. Scope ids are named once for all of them.
    public func chains(repository: String?) async throws -> [DeliveryChain] {
        var parameters: ACRParameters = ["InstanceId": instanceID]
        if let repository {
            let (namespace, name) = try Self.split(repository)
            parameters["RepoNamespaceName"] = namespace
            parameters["RepoName"] = name
        }
        let pages: AsyncThrowingStream<[ACRChainRecord], any Error> = client.pages(
            .listChain, parameters, itemsKey: "Chains")
        let listed = try await pages.collect()
        let (client, instanceID) = (client, instanceID)
        let records = try await BoundedConcurrency.map(listed, limit: 8) { record in
            try await client.call(.getChain, ["InstanceId": instanceID, "ChainId": record.ChainId]) as ACRChainRecord
        }
        let scopes = try await scopeNames(records.compactMap(\.ScopeId))
        return records.map { Self.chain($0, scope: $0.ScopeId.flatMap { scopes[$0] }) }
    }

    public func chain(id: String) async throws -> DeliveryChain {
        let record: ACRChainRecord = try await client.call(.getChain, ["InstanceId": instanceID, "ChainId": id])
        let scopes = try await scopeNames(record.ScopeId.map { [$0] } ?? [])
        return Self.chain(record, scope: record.ScopeId.flatMap { scopes[$0] })
    }

    public func chainRuns(repository: String?) -> AsyncThrowingStream<[ChainRun], any Error> {
        var parameters: ACRParameters = ["InstanceId": instanceID]
        if let repository, let (namespace, name) = try? Self.split(repository) {
            parameters["RepoNamespaceName"] = namespace
            parameters["RepoName"] = name
        }
        let pages: AsyncThrowingStream<[ACRChainRunRecord], any Error> = client.pages(
            .listChainInstance, parameters, itemsKey: "ChainInstances")
        return pages.mapPages { $0.map(Self.chainRun) }
    }

    /// Names of the repositories (`crr-…`) and namespaces (`crn-…`) chains are scoped to, from the
    /// instance's lists; only read when a scope id is not known yet.
    private func scopeNames(_ ids: [String]) async throws -> [String: (namespace: String, repository: String?)] {
        guard !ids.isEmpty else { return [:] }
        var names: [String: (namespace: String, repository: String?)] = [:]
        if ids.contains(where: { !$0.hasPrefix("crn-") }) {
            for try await page in repositories(namespace: nil) {
                for repository in page {
                    guard let id = repository.serverID, ids.contains(id) else { continue }
                    names[id] = (Namespace.of(repository: repository.name), repository.name)
                }
            }
        }
        if ids.contains(where: { $0.hasPrefix("crn-") }) {
            for try await page in namespaces() {
                for namespace in page where namespace.serverID.map(ids.contains) == true {
                    names[namespace.serverID ?? ""] = (namespace.name, nil)
                }
            }
        }
        return names
    }

    static func chain(_ record: ACRChainRecord, scope: (namespace: String, repository: String?)?) -> DeliveryChain {
        DeliveryChain(
            id: record.ChainId, name: record.Name ?? "", description: record.Description,
            scopeType: record.ScopeType, scopeID: record.ScopeId, namespace: scope?.namespace,
            repository: scope?.repository, excluded: record.ScopeExclude ?? [], created: record.CreateTime?.knownDate,
            modified: record.ModifiedTime?.knownDate, nodes: record.ChainConfig.map(ACRChainOrder.nodes),
            version: record.ChainConfig?.Version?.text, isActive: record.ChainConfig?.IsActive)
    }

    static func chainRun(_ record: ACRChainRunRecord) -> ChainRun {
        let repository = record.RepoNamespaceName.flatMap { namespace in record.RepoName.map { "\(namespace)/\($0)" } }
        return ChainRun(
            id: record.ChainInstanceId, chainID: record.Chain?.ChainId, chainName: record.Chain?.ChainName,
            repository: repository, status: record.Status ?? "", result: record.Result,
            startTime: record.StartTime?.knownDate, endTime: record.EndTime?.knownDate)
    }
}
