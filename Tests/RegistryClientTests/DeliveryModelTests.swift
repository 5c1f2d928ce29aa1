import Foundation
import Testing

@testable import RegistryClient

/// The delivery pipeline's own logic: masking credentials in trigger URLs, reading build statuses
/// and trigger matches, the wire quirks of ACR's answers, and chain steps put in pipeline order.
struct DeliveryModelTests {
    @Test(arguments: [
        (
            "https://deploy:s3cr3t@hooks.example.com/redeploy?token=abc123",
            "https://deploy:***@hooks.example.com/redeploy?token=***"
        ),
        ("https://hooks.example.com/a?x=1&y=&flag#frag=1", "https://hooks.example.com/a?x=***&y=***&flag#frag=1"),
        ("http://token@example.com:8080/", "http://***@example.com:8080/"),
        ("https://example.com/path@with-at", "https://example.com/path@with-at"),
        ("https://a:b@c@example.com/", "https://a:***@example.com/"),
        ("not a url?secret=1", "not a url?secret=***"),
        ("https://example.com/plain", "https://example.com/plain"),
    ])
    func triggerURLsAreMasked(url: String, masked: String) {
        #expect(URLCredentialMask.mask(url) == masked)
        #expect(URLCredentialMask.hasCredentials(url) == (url != masked))
        #expect(!URLCredentialMask.mask(url).contains("s3cr3t"))
    }

    @Test func buildStatusesAreReadWhateverTheirCasing() {
        #expect(BuildStatus("success") == .success)
        #expect(BuildStatus(" SUCCESS ") == .success)
        #expect(BuildStatus("Building") == .building)
        #expect(BuildStatus("PENDING").isRunning)
        #expect(BuildStatus("BUILDING").isRunning)
        #expect(!BuildStatus("FAILED").isRunning)
        #expect(BuildStatus("cancelled") == .canceled)
        // An old sample's boolean status, read as text.
        #expect(BuildStatus("true") == .success)
        let unknown = BuildStatus("Rebasing")
        #expect(unknown == .other("REBASING"))
        #expect(!unknown.isRunning)
        #expect(unknown.description == "REBASING")
    }

    @Test func triggerMatchesComeFromTheCLIWords() throws {
        #expect(try RepositoryTrigger.Match(kind: "all", text: "") == .allTags)
        #expect(try RepositoryTrigger.Match(kind: "tags", text: "v1, latest,") == .tags(["v1", "latest"]))
        #expect(try RepositoryTrigger.Match(kind: "regexp", text: "release-.*") == .regularExpression("release-.*"))
        #expect(throws: RegistryError.self) { try RepositoryTrigger.Match(kind: "regexp", text: "release-(") }
        #expect(throws: RegistryError.self) { try RepositoryTrigger.Match(kind: "tags", text: " , ") }
        #expect(throws: RegistryError.self) { try RepositoryTrigger.Match(kind: "tags", text: "bad tag") }
        #expect(throws: RegistryError.self) { try RepositoryTrigger.Match(kind: "some", text: "") }
    }

    @Test func triggerURLsMustBeWebURLsAndErrorsNeverShowTheirSecrets() {
        let trigger = RepositoryTrigger(name: "deploy", url: "ftp://u:pw-secret@host/x", match: .allTags)
        do {
            try trigger.validate()
            Issue.record("an ftp URL was accepted")
        } catch let error as RegistryError {
            #expect(error.message.contains("ftp://u:***@host/x"))
            #expect(!error.message.contains("pw-secret"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: Never.self) {
            try RepositoryTrigger(name: "ok", url: "https://hooks.example.com/x", match: .allTags).validate()
        }
        #expect(throws: RegistryError.self) {
            try RepositoryTrigger(name: " ", url: "https://hooks.example.com/x", match: .allTags).validate()
        }
    }

    @Test func buildRulesAreCheckedBeforeAnyCall() {
        #expect(throws: Never.self) { try BuildRule(buildArgs: ["VERSION=1"]).validate() }
        #expect(throws: RegistryError.self) { try BuildRule(pushName: " ").validate() }
        #expect(throws: RegistryError.self) { try BuildRule(imageTag: "no spaces").validate() }
        #expect(throws: RegistryError.self) { try BuildRule(platforms: ["windows/amd64"]).validate() }
        #expect(throws: RegistryError.self) { try BuildRule(buildArgs: ["=x"]).validate() }
    }

    @Test func listParametersAreFlattenedAndJSONListsCompact() {
        var parameters: ACRParameters = ["InstanceId": "cri-1"]
        parameters.set("Platforms", list: ["linux/amd64", "linux/arm64"])
        parameters.set("Platforms", list: ["linux/386"])
        parameters.set("RepoNames", jsonList: ["app", "web/api"])
        #expect(
            parameters.pairs.map { "\($0.0)=\($0.1)" } == [
                "InstanceId=cri-1", "Platforms.1=linux/386", #"RepoNames=["app","web/api"]"#,
            ])
    }

    @Test func aSingleTriggerObjectAndABooleanStatusAreRead() throws {
        let single = #"{"Triggers":{"TriggerId":"crw-1","TriggerType":"TAG_LISTTAG","TriggerTag":"[\"v1\",\"v2\"]"}}"#
        let list = try JSONDecoder().decode(ACRTriggerList.self, from: Data(single.utf8))
        #expect(list.triggers.map(ACRProvider.trigger).map(\.match) == [.tags(["v1", "v2"])])

        let record = #"{"BuildRecordId":"b-1","Status":true,"StartTime":1700000000000,"EndTime":"0","Image":{}}"#
        let build = ACRProvider.buildRecord(
            try JSONDecoder().decode(ACRBuildRecordRecord.self, from: Data(record.utf8)), repository: "ns/app")
        #expect(build.status == .success)
        #expect(build.endTime == nil, "an end time of 0 means not yet")
        #expect(build.startTime == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(build.repository == "ns/app")
    }

    @Test func chainStepsFollowTheRoutersFromTheFirstStep() throws {
        let json = #"""
            {"Version":3,"IsActive":true,
             "Nodes":[{"NodeName":"TRIGGER","Enable":true},
                      {"NodeName":"VULNERABILITY_SCANNING","Enable":true,
                       "node_config":{"DenyPolicy":{"IssueLevel":"MEDIUM","IssueCount":"1","Action":"BLOCK_DELETE_TAG"}}},
                      {"NodeName":"DOCKER_IMAGE_PUSH","Enable":true},
                      {"NodeName":"DOCKER_IMAGE_BUILD","Enable":true},
                      {"NodeName":"SNAPSHOT","Enable":false}],
             "Routers":[{"From":{"NodeName":"VULNERABILITY_SCANNING"},"To":{"NodeName":"TRIGGER"}},
                        {"From":{"NodeName":"DOCKER_IMAGE_BUILD"},"To":{"NodeName":"DOCKER_IMAGE_PUSH"}},
                        {"From":{"NodeName":"DOCKER_IMAGE_PUSH"},"To":{"NodeName":"VULNERABILITY_SCANNING"}},
                        {"From":{"NodeName":"TRIGGER"},"To":{"NodeName":"DOCKER_IMAGE_BUILD"}}]}
            """#
        let config = try JSONDecoder().decode(ACRChainConfigRecord.self, from: Data(json.utf8))
        let nodes = ACRChainOrder.nodes(config)
        // No router leads to SNAPSHOT: it starts. The cycle (trigger → build) does not loop, and
        // the rest follow the routers from the first listed node.
        #expect(
            nodes.map(\.name) == [
                "SNAPSHOT", "TRIGGER", "DOCKER_IMAGE_BUILD", "DOCKER_IMAGE_PUSH", "VULNERABILITY_SCANNING",
            ])
        let chain = DeliveryChain(id: "chi-1", name: "c", nodes: nodes)
        let text = try #require(chain.pipelineText)
        #expect(text == "trigger → build → push → scan(MEDIUM≥1 BLOCK_DELETE_TAG)")
        #expect(!text.contains("snapshot"), "a disabled step is left out")
    }
}
