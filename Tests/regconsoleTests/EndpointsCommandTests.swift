import Foundation
import RegistryClient
import TestSupport
import Testing

/// `regconsole endpoints …` against the ACR emulator, whose internet endpoint lets in 10.0.0.0/8
/// ("office network") and 203.0.113.7/32 ("CI runner") and whose VPC endpoint links two VPCs, the
/// second with a PrivateZone conflict. A switch of the internet endpoint settles after 300 ms.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct EndpointsCommandTests {
    private static let emulator = PrivateACREmulator()

    /// The endpoint of `type` in `endpoints INSTANCE --output json`.
    private func endpoint(_ type: String, _ acr: ACRCLI) async throws -> [String: Any] {
        let rows = try await acr.jsonArray(["endpoints", "acr.emulator-main"])
        return try #require(rows.first { $0["type"] as? String == type })
    }

    @Test func endpointsShowTheAccessListAndLinkedVPCs() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let rows = try await acr.jsonArray(["endpoints", "acr.emulator-main"])
        #expect(rows.compactMap { $0["type"] as? String } == ["internet", "vpc"])
        #expect(rows.allSatisfy { Set($0.keys).isSuperset(of: ["type", "enabled", "domains", "acl", "vpcs"]) })
        let internet = try #require(rows.first)
        #expect(internet["enabled"] as? Bool == true && internet["status"] as? String == "RUNNING")
        #expect((internet["domains"] as? [String])?.isEmpty == false)
        let acl = try #require(internet["acl"] as? [[String: String]])
        #expect(
            acl == [
                ["entry": "10.0.0.0/8", "comment": "office network"],
                ["entry": "203.0.113.7/32", "comment": "CI runner"],
            ])
        let vpc = try #require(rows.last)
        let vpcs = try #require(vpc["vpcs"] as? [[String: String]])
        #expect(vpcs.compactMap { $0["id"] } == ["vpc-emulator0001", "vpc-emulator0002"])
        #expect(
            vpcs.first == [
                "id": "vpc-emulator0001", "vswitch": "vsw-emulator0001", "ip": "172.16.0.10", "status": "RUNNING",
            ])
        let issue = try #require(vpcs.last?["issue"])
        #expect(issue.hasPrefix("PRIVATE_ZONE_CONFLICT_AT_cn-hangzhou-a: another PrivateZone zone covers"))

        let table = try await acr.succeed(["endpoints", "acr.emulator-main"]).stdout
        #expect(table.hasPrefix("TYPE"))
        #expect(table.contains("Internet access list:\n  ENTRY"))
        #expect(table.contains("  10.0.0.0/8      office network\n"))
        #expect(table.contains("Linked VPCs:\n  VPC"))
        #expect(table.contains("vpc-emulator0002  vsw-emulator0002  172.16.0.11  RUNNING  PRIVATE_ZONE_CONFLICT"))
    }

    @Test func aBadBlockIsRefusedBeforeAnyRequest() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        try await emulator.clearRequests()
        let refused = try await acr.run(["endpoints", "acl", "add", "acr.emulator-main", "10.1.2.3/8", "--yes"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("'10.1.2.3/8' is not an IPv4 CIDR block: host bits are set below /8"))
        #expect(refused.stderr.contains("did you mean 10.0.0.0/8?"))
        let junk = try await acr.run(["endpoints", "acl", "remove", "acr.emulator-main", "300.1.1.1", "--yes"])
        #expect(junk.status == 2 && junk.stderr.contains("'300' is not a number from 0 to 255"))
        #expect(try await emulator.requests().isEmpty)
        #expect(acr.auditEntries.isEmpty)
    }

    @Test func aclAddAndRemoveAreConfirmedAndAudited() async throws {
        let acr = try await ACRCLI.make(try await Self.emulator.fresh())
        let unconfirmed = try await acr.run(["endpoints", "acl", "add", "acr.emulator-main", "198.51.100.0/24"])
        #expect(unconfirmed.status == 2 && unconfirmed.stderr.contains("refusing to change without confirmation"))
        let added = try await acr.succeed([
            "endpoints", "acl", "add", "acr.emulator-main", "198.51.100.0/24", "--comment", "VPN", "--yes",
        ])
        #expect(added.stdout.contains("added 198.51.100.0/24 to the internet access list of acr.emulator-main"))
        var acl = try #require(try await endpoint("internet", acr)["acl"] as? [[String: String]])
        #expect(acl.contains(["entry": "198.51.100.0/24", "comment": "VPN"]))

        _ = try await acr.succeed(["endpoints", "acl", "remove", "acr.emulator-main", "203.0.113.7", "--yes"])
        acl = try #require(try await endpoint("internet", acr)["acl"] as? [[String: String]])
        #expect(acl.compactMap { $0["entry"] } == ["10.0.0.0/8", "198.51.100.0/24"])
        let absent = try await acr.run(["endpoints", "acl", "remove", "acr.emulator-main", "192.0.2.1", "--yes"])
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("acr.emulator-main has no access list entry '192.0.2.1/32'"))

        #expect(acr.auditEntries.map(\.action) == ["acl-add", "acl-remove", "acl-remove"])
        #expect(acr.auditEntries.map(\.phase) == ["done", "done", "failed"])
        #expect(acr.auditEntries.first?.detail == "198.51.100.0/24 (VPN)")
    }

    @Test func disableIsConfirmedThenWaitsUntilTheSwitchSettles() async throws {
        let emulator = try await Self.emulator.fresh()
        let acr = try await ACRCLI.make(emulator)
        let refused = try await acr.run(["endpoints", "disable", "acr.emulator-main", "internet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cuts off every client outside its VPCs"))
        #expect(refused.stderr.contains("pass --yes"))
        #expect(try await emulator.requests(action: "UpdateInstanceEndpointStatus").isEmpty)
        let vpcOnly = try await acr.run(["endpoints", "disable", "acr.emulator-main", "vpc", "--yes"])
        #expect(vpcOnly.status == 2 && vpcOnly.stderr.contains("only the internet endpoint can be switched"))

        let disabled = try await acr.succeed(["endpoints", "disable", "acr.emulator-main", "internet", "--yes"])
        #expect(disabled.stdout.contains("disabled the internet endpoint of acr.emulator-main (RUNNING)"))
        var internet = try await endpoint("internet", acr)
        #expect(internet["enabled"] as? Bool == false && internet["status"] as? String == "RUNNING")

        let asked = try await acr.succeed([
            "endpoints", "enable", "acr.emulator-main", "internet", "--yes", "--no-wait",
        ])
        #expect(asked.stdout.contains("asked to enable the internet endpoint of acr.emulator-main"))
        try await Task.sleep(for: .milliseconds(400))
        internet = try await endpoint("internet", acr)
        #expect(internet["enabled"] as? Bool == true)
        #expect(acr.auditEntries.map(\.action) == ["endpoint-disable", "endpoint-enable"])

        // On a production instance the instance's name is typed out.
        let production = try await ACRCLI.make(emulator, settings: "production = true")
        let typed = try await production.cli.runOnTerminal(
            ["endpoints", "disable", "acr.emulator-main", "internet"], prompt: "Type 'acr.emulator-main'",
            answer: "acr.emulator-main")
        #expect(typed.status == 0 && typed.answered)
        #expect(typed.output.contains("disabled the internet endpoint of acr.emulator-main"))
        #expect(production.auditEntries.map(\.action) == ["endpoint-disable"])

        let readOnly = try await ACRCLI.make(emulator, settings: "read_only = true")
        let refusedWrite = try await readOnly.run(["endpoints", "disable", "acr.emulator-main", "internet", "--yes"])
        #expect(refusedWrite.status == 1 && refusedWrite.stderr.contains("is read-only"))
        #expect(readOnly.auditEntries.isEmpty)
    }
}
