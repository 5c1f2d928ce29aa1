/// Quotas and usage (GetInstanceUsage): every figure a string holding an integer.
struct ACRInstanceUsageRecord: Decodable, Sendable {
    var NamespaceQuota: LenientInt?
    var NamespaceUsage: LenientInt?
    var RepoQuota: LenientInt?
    var RepoUsage: LenientInt?
    var ChartNamespaceQuota: LenientInt?
    var ChartNamespaceUsage: LenientInt?
    var ChartRepoQuota: LenientInt?
    var ChartRepoUsage: LenientInt?
    var VpcQuota: LenientInt?
    var VpcUsage: LenientInt?
}
