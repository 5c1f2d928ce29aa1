import Foundation
import Testing

@testable import RegistryClient

/// Harbor's replication and webhook records: what is read, what a `PUT` sends back, and the job
/// statuses of both vocabularies.
struct HarborAutomationWireTests {
    private func decode<Record: Decodable>(_ type: Record.Type, _ json: String) throws -> Record {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    private func object(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test func aPolicyGoesBackWholeWithRegistriesByIDOnly() throws {
        let record = try decode(
            HarborReplicationPolicyRecord.self,
            #"""
            {"id": 7, "name": "labels", "src_registry": {"id": 0, "name": "Local", "credential": {"access_secret": "*****"}},
             "dest_registry": {"id": 2, "name": "dr", "url": "https://dr.example.com"}, "dest_namespace": "",
             "trigger": {"type": "scheduled", "trigger_settings": {"cron": "0 0 * * * *"}},
             "filters": [{"type": "label", "value": ["a", "b"], "decoration": "excludes"}, {"type": "name", "value": "x/**"}],
             "enabled": false, "speed": -1, "creation_time": "2024-05-01T10:00:00.000Z"}
            """#)
        let policy = HarborProvider.policy(record)
        #expect(policy.route == "Local → dr" && policy.destinationNamespace == nil && policy.direction == "push")
        #expect(policy.filters.map(\.summary) == ["label!=a,b", "name=x/**"])
        #expect(policy.triggerSummary == "scheduled (0 0 * * * *)" && policy.speed == -1)
        let sent = try object(record)
        #expect(
            sent["src_registry"] as? [String: Int] == ["id": 0] && sent["dest_registry"] as? [String: Int] == ["id": 2])
        #expect((sent["filters"] as? [[String: Any]])?.first?["value"] as? [String] == ["a", "b"])
        #expect(
            sent["creation_time"] == nil && sent["enabled"] as? Bool == false && sent["dest_namespace"] as? String == ""
        )
    }

    @Test func aWebhookPolicyKeepsItsSecretsOnTheWireOnly() throws {
        let record = try decode(
            HarborWebhookPolicyRecord.self,
            #"""
            {"id": 1, "name": "hook", "project_id": 4, "enabled": true, "event_types": ["PUSH_ARTIFACT"],
             "targets": [{"type": "http", "address": "https://u:p@h.example.com/x?token=t", "auth_header": "Bearer s",
                          "skip_cert_verify": true, "payload_format": "CloudEvents"}],
             "creation_time": "2024-05-01T10:00:00Z", "update_time": "2024-05-01T10:00:00Z"}
            """#)
        let policy = HarborProvider.webhook(record, project: "lib")
        #expect(
            policy.targets == [
                WebhookPolicy.Target(
                    type: "http", address: "https://u:***@h.example.com/x?token=***", hasAuthHeader: true,
                    skipsCertificateCheck: true, payloadFormat: "CloudEvents")
            ])
        #expect(!String(describing: policy).contains("Bearer s") && !String(describing: policy).contains("u:p@"))
        let target = try #require((try object(record)["targets"] as? [[String: Any]])?.first)
        #expect(
            target["auth_header"] as? String == "Bearer s"
                && target["address"] as? String == "https://u:p@h.example.com/x?token=t")
    }

    @Test func aWebhookExecutionReadsItsEventAndWholeSecondTimes() throws {
        let record = try decode(
            HarborWebhookExecutionRecord.self,
            #"""
            {"id": 9, "vendor_id": 1, "status": "Error", "trigger": "EVENT",
             "extra_attrs": {"event_type": "PUSH_ARTIFACT", "retries": 3, "payload": {"a": 1}},
             "start_time": "2024-05-01T10:00:00Z", "end_time": "2024-05-01T10:00:31Z"}
            """#)
        #expect(record.extraAttrs?.eventType == "PUSH_ARTIFACT")
        let start = try #require(record.startTime?.date)
        #expect(record.endTime?.date?.timeIntervalSince(start) == 31)
        let odd = try decode(HarborWebhookExecutionRecord.self, #"{"id": 2, "extra_attrs": {"event_type": 5}}"#)
        #expect(odd.extraAttrs?.eventType == nil, "a value of another type is left out, not fatal")
    }

    @Test(
        arguments: [
            ("InProgress", HarborJobStatus.Phase.running), ("Running", .running), ("Pending", .pending),
            ("Succeed", .succeeded), ("Success", .succeeded), ("Failed", .failed), ("Error", .failed),
            ("Stopped", .stopped), ("Paused", .unknown),
        ])
    func jobStatusesOfBothVocabularies(word: String, phase: HarborJobStatus.Phase) {
        let status = HarborJobStatus(word)
        #expect(status.phase == phase && status.word == word)
        #expect(status.isRunning == (phase == .running || phase == .pending))
    }
}
