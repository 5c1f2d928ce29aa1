import Foundation
import TestSupport
import Testing

/// `regconsole usage`: ACR's quotas, and the storage view computed from the registry — exact where
/// manifests list the blobs, marked estimated where only sizes are listed.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct UsageCommandTests {
    @Test func acrQuotasComeWithTheirLimits() async throws {
        let acr = try await ACRCLI.make(try await ACREmulator.shared())
        let rows = try await acr.jsonArray(["usage", "acr.emulator-main"])
        let byResource = Dictionary(uniqueKeysWithValues: rows.map { ($0["resource"] as? String ?? "", $0) })
        #expect(
            Set(byResource.keys) == ["namespaces", "repositories", "chartNamespaces", "chartRepositories", "vpcs"])
        #expect(byResource["namespaces"]?["quota"] as? Int == 15)
        #expect(byResource["repositories"]?["quota"] as? Int == 300)
        #expect(byResource["vpcs"]?["used"] as? Int == 2)
        #expect(byResource["vpcs"]?["quota"] as? Int == 3)
        #expect(rows.allSatisfy { $0["share"] == nil && $0["warning"] == nil }, "table-only columns stay out of JSON")

        let table = try await acr.succeed(["usage", "acr.emulator-main"]).stdout
        #expect(table.contains("USED %"))
        #expect(table.contains("67 %"), "2 of 3 VPCs")
    }

    @Test func storageOfAPlainRegistryCountsBlobsExactly() async throws {
        let fixture = try await Fixture.make()
        let size = try #require(try fixture.seededImages("mirror/library/alpine")["3.19"]?.size)
        let rows = try await fixture.jsonArray(["usage", "local/mirror"])
        #expect(rows.count == 1, "a namespace's view lists its repositories only")
        let row = try #require(rows.first)
        #expect(row["namespace"] as? String == "mirror")
        #expect(row["repository"] as? String == "mirror/library/alpine")
        #expect((row["bytes"] as? NSNumber)?.int64Value == size)
        #expect(row["estimated"] as? Bool == false)

        let byName = try await fixture.jsonArray(["usage", "local/ns", "--sort", "name"])
        let names = byName.compactMap { $0["repository"] as? String }
        #expect(names == names.sorted())
        #expect(names.contains("ns/web"))
        let bySize = try await fixture.jsonArray(["usage", "local/ns"])
        let sizes = bySize.compactMap { ($0["bytes"] as? NSNumber)?.int64Value }
        #expect(sizes == sizes.sorted(by: >), "largest first by default")
        #expect(Set(bySize.compactMap { $0["repository"] as? String }) == Set(names))
    }

    @Test func acrSizesAreEstimatesUntilTheManifestsAreRead() async throws {
        let acr = try await ACRCLI.make(try await ACREmulator.shared())
        let size = try #require(try acr.fixture.seededImages("mirror/library/alpine")["3.19"]?.size)
        let listed = try await acr.jsonArray(["usage", "acr.emulator-main/mirror"])
        #expect(listed.map { $0["estimated"] as? Bool } == [true])
        let estimate = try await acr.cli.run(["usage", "acr.emulator-main/mirror"])
        #expect(estimate.stderr.contains("1 of 1 repositories are estimates"))
        let exact = try await acr.jsonArray(["usage", "acr.emulator-main/mirror", "--layers"])
        #expect(exact.map { $0["estimated"] as? Bool } == [false])
        #expect(exact.first.flatMap { ($0["bytes"] as? NSNumber)?.int64Value } == size)
    }
}
