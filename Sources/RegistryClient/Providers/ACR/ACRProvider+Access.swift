import Foundation

/// Endpoints, the internet access list, temporary logins and the fixed password; quotas.
extension ACRProvider: AccessManaging, UsageReporting {
    public func endpoints() async throws -> [InstanceEndpoint] {
        async let internetCall: ACRInternetEndpointRecord = client.call(
            .getInstanceEndpoint, ["InstanceId": instanceID, "EndpointType": "internet", "ModuleName": "Registry"])
        async let vpcCall: ACRVpcEndpointRecord = client.call(
            .getInstanceVpcEndpoint, ["InstanceId": instanceID, "ModuleName": "Registry"])
        let (internet, vpc) = try await (internetCall, vpcCall)
        return [
            InstanceEndpoint(
                kind: .internet, enabled: internet.Enable?.flag ?? false, status: internet.Status.nonEmpty,
                domains: (internet.Domains ?? []).map { .init(name: $0.Domain, isCustom: $0.Type == "USER") },
                aclEnabled: internet.AclEnable?.flag ?? false,
                acl: (internet.AclEntries ?? []).map { ACLEntry(entry: $0.Entry, comment: $0.Comment.nonEmpty) }),
            InstanceEndpoint(
                kind: .vpc, enabled: vpc.Enable?.flag ?? false, status: nil,
                domains: (vpc.Domains ?? []).map { .init(name: $0) },
                linkedVPCs: (vpc.LinkedVpcs ?? []).map {
                    LinkedVPC(
                        vpcID: $0.VpcId, vswitchID: $0.VswitchId.nonEmpty, ip: $0.Ip.nonEmpty,
                        status: $0.Status.nonEmpty, defaultAccess: $0.DefaultAccess?.flag ?? false,
                        issue: $0.Issue.nonEmpty)
                }),
        ]
    }

    public func setInternetEndpoint(enabled: Bool) async throws {
        try instance.requireWritable(to: "switch endpoints")
        var parameters: ACRParameters = [
            "InstanceId": instanceID, "EndpointType": "internet", "ModuleName": "Registry",
        ]
        parameters.set("Enable", enabled)
        try await client.perform(.updateInstanceEndpointStatus, parameters)
    }

    public func addACLEntries(_ entries: [ACLEntry]) async throws {
        try instance.requireWritable(to: "change the access list")
        // Every entry is checked before any is sent, and sent in its canonical form (`a.b.c.d/n`).
        let entries = try entries.map { ACLEntry(entry: try CIDRBlock($0.entry).description, comment: $0.comment) }
        var parameters = aclParameters()
        if let only = entries.first, entries.count == 1 {
            parameters["Entry"] = only.entry
            parameters["Comment"] = only.comment
        } else {
            parameters.set(
                "Entries", jsonObjects: entries.map { ["Entry": $0.entry, "Comment": $0.comment ?? ""] })
        }
        try await client.perform(.createInstanceEndpointAclPolicy, parameters)
    }

    public func removeACLEntries(_ entries: [String]) async throws {
        try instance.requireWritable(to: "change the access list")
        var parameters = aclParameters()
        if let only = entries.first, entries.count == 1 {
            parameters["Entry"] = only
        } else {
            parameters.set("Entries", jsonObjects: entries.map { ["Entry": $0] })
        }
        try await client.perform(.deleteInstanceEndpointAclPolicy, parameters)
    }

    public func registryLogin(hours: Int) async throws -> RegistryLogin {
        guard (1...24).contains(hours) else {
            throw RegistryError(.invalidReference, "temporary logins last 1 to 24 hours, not \(hours)", hint: "e.g. 12")
        }
        let (host, _) = try await ACRRegistryAccess.registryDomain(client: client, instanceID: instanceID)
        var parameters: ACRParameters = ["InstanceId": instanceID]
        parameters.set("ExpiresInHours", hours)
        let token: ACRAuthorizationToken = try await client.call(.getAuthorizationToken, parameters)
        return RegistryLogin(
            host: host, username: token.TempUsername, password: token.AuthorizationToken,
            expires: token.ExpireTime?.knownDate)
    }

    public func resetLoginPassword(_ password: String) async throws {
        try instance.requireWritable(to: "reset the login password")
        try LoginPassword.validate(password)
        try await client.perform(.resetLoginPassword, ["InstanceId": instanceID, "Password": password])
    }

    public func quotaUsage() async throws -> [QuotaUsage] {
        let usage: ACRInstanceUsageRecord = try await client.call(.getInstanceUsage, ["InstanceId": instanceID])
        let figures: [(QuotaUsage.Resource, LenientInt?, LenientInt?)] = [
            (.namespaces, usage.NamespaceUsage, usage.NamespaceQuota),
            (.repositories, usage.RepoUsage, usage.RepoQuota),
            (.chartNamespaces, usage.ChartNamespaceUsage, usage.ChartNamespaceQuota),
            (.chartRepositories, usage.ChartRepoUsage, usage.ChartRepoQuota),
            (.vpcs, usage.VpcUsage, usage.VpcQuota),
        ]
        return figures.compactMap { resource, used, quota in
            guard used != nil || quota != nil else { return nil }
            return QuotaUsage(resource: resource, used: used?.value ?? 0, quota: quota?.value)
        }
    }

    private func aclParameters() -> ACRParameters {
        ["InstanceId": instanceID, "EndpointType": "internet", "ModuleName": "Registry"]
    }
}
