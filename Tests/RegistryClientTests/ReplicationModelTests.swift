import Foundation
import Testing

@testable import RegistryClient

/// Replication and access logic that needs no server: the tag drift between two repositories,
/// CIDR blocks for endpoint ACLs, and what a failed sync task's issue tells the admin to do.
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
}
