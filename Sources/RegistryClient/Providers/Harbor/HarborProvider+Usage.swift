/// Harbor's per-project storage quotas (`GET /quotas`), as the usage views show quotas. `/quotas`
/// is for system administrators; anyone else gets the quotas their projects' summaries show.
extension HarborProvider: UsageReporting {
    public func quotaUsage() async throws -> [QuotaUsage] {
        do {
            return try await projectQuotas().map(\.usage)
        } catch let error as RegistryError where error.code == .denied || error.code == .unauthorized {
            return try await namespaces().collect().compactMap { namespace in
                namespace.storageUsed.map {
                    QuotaUsage(
                        resource: .storage, used: Int($0), quota: namespace.storageLimit.map(Int.init),
                        scope: namespace.name)
                }
            }
        }
    }

    /// Every project's quota, by project name.
    public func projectQuotas() async throws -> [ProjectQuota] {
        let pages: AsyncThrowingStream<[HarborQuotaRecord], any Error> = client.pages(
            HarborPath.root.appending("quotas"), query: [("reference", "project")], operation: "listing quotas")
        return try await pages.collect().map { record in
            ProjectQuota(
                id: record.id, project: record.ref?.name ?? String(record.id), projectID: record.ref?.id,
                usedStorage: record.used?["storage"] ?? 0,
                hardStorage: record.hard?["storage"].flatMap { $0 < 0 ? nil : $0 })
        }
        .sorted { $0.project < $1.project }
    }
}
