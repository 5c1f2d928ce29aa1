import Foundation
import Testing

@testable import RegistryClient

/// Replication and access logic that needs no server: the tag drift between two repositories,
/// CIDR blocks for endpoint ACLs, what a failed sync task's issue tells the admin to do, rule
/// scopes, login passwords, secrets kept out of request logs, and quota warnings.
struct ReplicationModelTests {
    private static func tag(_ name: String, _ hex: Character?) -> RegistryClient.Tag {
        RegistryClient.Tag(
            name: name,
            details: hex.flatMap { Digest("sha256:" + String(repeating: $0, count: 64)) }.map {
                TagDetails(digest: $0, mediaType: "", size: nil, created: nil, platforms: [])
            })
    }

    @Test func driftListsMissingDifferentExtraThenSameTags() throws {
        let source = [Self.tag("v1", "a"), Self.tag("v2", "b"), Self.tag("latest", "b"), Self.tag("v3", "c")]
        let target = [Self.tag("v1", "a"), Self.tag("v2", "d"), Self.tag("old", "e"), Self.tag("latest", "b")]
        let drift = TagDrift.compare(source: source, target: target)
        #expect(drift.map(\.tag) == ["v3", "v2", "old", "latest", "v1"])
        #expect(drift.map(\.state) == [.missing, .different, .extra, .same, .same])
        let different = try #require(drift.first { $0.tag == "v2" })
        #expect(different.sourceDigest?.encoded.first == "b")
        #expect(different.targetDigest?.encoded.first == "d")
        #expect(drift.first { $0.tag == "v3" }?.targetDigest == nil)
        #expect(drift.first { $0.tag == "old" }?.sourceDigest == nil)
    }

    @Test func driftOfIdenticalOrEmptyRepositories() {
        let tags = [Self.tag("a", "1"), Self.tag("b", "2")]
        #expect(TagDrift.compare(source: tags, target: tags).allSatisfy { $0.state == .same })
        #expect(TagDrift.compare(source: [], target: []).isEmpty)
        #expect(TagDrift.compare(source: tags, target: []).map(\.state) == [.missing, .missing])
        // An unknown digest on one side cannot be called the same.
        #expect(TagDrift.compare(source: [Self.tag("a", "1")], target: [Self.tag("a", nil)]).first?.state == .different)
        // Listed twice by a server: the first listing counts.
        #expect(
            TagDrift.compare(source: [Self.tag("a", "1"), Self.tag("a", "2")], target: [Self.tag("a", "1")]).count == 1)
    }

    @Test(arguments: [
        ("192.168.1.0/24", "192.168.1.0/24"), ("198.51.100.7", "198.51.100.7/32"), (" 10.0.0.0/8 ", "10.0.0.0/8"),
        ("0.0.0.0/0", "0.0.0.0/0"),
    ])
    func cidrBlocksAreRead(text: String, normalized: String) throws {
        #expect(try CIDRBlock(text).description == normalized)
    }

    @Test(arguments: [
        "192.168.1.1/24", "256.1.1.1", "1.2.3", "1.2.3.4/33", "1.2.3.4/", "01.2.3.4", "a.b.c.d", "1.2.3.4/24/1", "",
        "１.2.3.4",
    ])
    func malformedCIDRBlocksAreRefused(text: String) {
        #expect(throws: RegistryError.self) { try CIDRBlock(text) }
    }

    @Test func hostBitsSuggestTheNetwork() {
        do {
            _ = try CIDRBlock("192.168.1.77/24")
            Issue.record("host bits were accepted")
        } catch let error as RegistryError {
            #expect(error.hint == "did you mean 192.168.1.0/24?")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func syncIssuesSayWhatToDo() {
        #expect(SyncIssue("TAG_CONFLICT").description.contains("immutable"))
        #expect(SyncIssue("oss_policy_unauthorized").description.contains("OSS"))
        #expect(SyncIssue("NETWORK_ERROR").description.contains("again"))
        #expect(SyncIssue("SOMETHING_NEW").description == "ACR reported SOMETHING_NEW")
    }

    @Test func rulesCoverRepositoriesByScopeAndFilters() {
        let target = ReplicaLocation(region: "cn-beijing", instanceID: "cri-b", namespace: "mirror")
        let namespaceRule = SyncRule(
            name: "n", scope: .namespace, tagFilter: "v[0-9]+", repositoryFilter: "app-.*",
            source: ReplicaLocation(namespace: "team"), target: target)
        #expect(namespaceRule.covers(repository: "team/app-web"))
        #expect(!namespaceRule.covers(repository: "team/db"))
        #expect(!namespaceRule.covers(repository: "other/app-web"))
        #expect(namespaceRule.matches(tag: "v12"))
        #expect(!namespaceRule.matches(tag: "v12-rc"), "the filter matches whole tags")
        let landing = namespaceRule.targetLocation(repository: "team/app-web", tag: "v1")
        #expect(landing.description == "cn-beijing/cri-b/mirror/app-web:v1")

        let instanceRule = SyncRule(
            name: "i", scope: .instance, namespaceFilter: "prod|stage", source: ReplicaLocation(),
            target: ReplicaLocation(region: "cn-beijing", instanceID: "cri-b"))
        #expect(instanceRule.covers(repository: "prod/a/b"))
        #expect(!instanceRule.covers(repository: "dev/a"))
        #expect(instanceRule.targetLocation(repository: "prod/a/b", tag: "x").repositoryPath == "prod/a/b")
        #expect(instanceRule.repositoryFilterSummary == "prod|stage/*")
        #expect(throws: Never.self) { try instanceRule.validate() }
        var noName = instanceRule
        noName.name = " "
        #expect(throws: RegistryError.self) { try noName.validate() }
        var badPriority = instanceRule
        badPriority.priority = 9
        #expect(throws: RegistryError.self) { try badPriority.validate() }
        let repositoryRule = SyncRule(
            name: "r", scope: .repository, source: ReplicaLocation(namespace: "a"), target: target)
        #expect(throws: RegistryError.self) { try repositoryRule.validate() }
    }

    @Test func syncStatusesAndProgressAreRead() {
        #expect(SyncTaskStatus("synchronizing") == .synchronizing)
        #expect(SyncTaskStatus("PENDING").isRunning)
        #expect(SyncTaskStatus("ERROR") == .failed)
        #expect(SyncTaskStatus("ERROR").description == "ERROR")
        #expect(SyncTaskStatus("Paused") == .other("PAUSED"))
        #expect(!SyncTaskStatus("Paused").isRunning)
        let half = SyncTask.Progress(syncedBytes: 50, totalBytes: 200, layersDone: 1, layerCount: 4)
        #expect(half.fraction == 0.25)
        #expect(SyncTask.Progress(syncedBytes: 0, totalBytes: 0, layersDone: 0, layerCount: 0).fraction == nil)
    }

    @Test(arguments: [
        ("Strong-pass-2026", true), ("abcdefg1", true), ("abcdefgh", false), ("12345678", false),
        ("Ab1!", false), ("with space 1", false), (String(repeating: "a1", count: 17), false), ("密码密码密码12", false),
    ])
    func loginPasswordsFollowACRRule(password: String, accepted: Bool) {
        do {
            try LoginPassword.validate(password)
            #expect(accepted)
        } catch let error as RegistryError {
            #expect(!accepted)
            #expect(!error.message.contains(password), "the password never appears in the error")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func secretQueryParametersNeverReachTheLog() {
        let url =
            "https://cr.cn-hangzhou.aliyuncs.com/?Action=ResetLoginPassword&Password=S3cret%21pw&SecurityToken=tok"
            + "&TriggerUrl=https%3A%2F%2Fu%3Apw%40h.example.com%2F&InstanceId=cri-1"
        let logged = URLCredentialMask.maskingSecretsInQuery(url)
        #expect(!logged.contains("S3cret"))
        #expect(!logged.contains("tok&"))
        #expect(logged.contains("Password=***&SecurityToken=***&"))
        #expect(logged.contains("InstanceId=cri-1"))
        #expect(!logged.contains("%3Apw%40"))
        #expect(URLCredentialMask.maskingSecretsInQuery("https://h/?password=%zz1") == "https://h/?password=***")
    }

    @Test func quotasAboveEightyPercentNeedAttention() {
        #expect(QuotaUsage(resource: .repositories, used: 241, quota: 300).isNearLimit)
        #expect(!QuotaUsage(resource: .repositories, used: 240, quota: 300).isNearLimit)
        #expect(QuotaUsage(resource: .repositories, used: 5, quota: nil).share == nil)
        #expect(!QuotaUsage(resource: .repositories, used: 5, quota: 0).isNearLimit)
    }
}
