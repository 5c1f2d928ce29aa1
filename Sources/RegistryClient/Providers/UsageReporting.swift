/// A provider that reports its quotas and how much of each is used (ACR Enterprise).
public protocol UsageReporting: RegistryProvider {
    func quotaUsage() async throws -> [QuotaUsage]
}
