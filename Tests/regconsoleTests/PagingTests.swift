import Foundation
import TestSupport
import Testing

/// Lists that arrive in pages: the catalog of a registry with a 2-entry page limit, and tags from
/// a server that pages them (a proxy doing what distribution v3 does; 2.8 ignores `n` for tags).
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct PagingTests {
    @Test func catalogIsFollowedAcrossPagesAfterThePageSizeIsRefused() async throws {
        let fixture = try await Fixture.make()
        let names = try await fixture.jsonArray(["repos", fixture.state.paged.host]).compactMap {
            $0["name"] as? String
        }
        #expect(Set(names).isSuperset(of: fixture.state.seed.repositories.keys))
        #expect(names.count >= 5)
        let namespaces = try await fixture.jsonArray(["namespaces", fixture.state.paged.host])
        #expect(namespaces.first { $0["name"] as? String == "ns" }?["repositoryCount"] as? Int == 2)
    }

    @Test func aCatalogLongerThanThePageCapStopsWithTheKeyToRaise() async throws {
        let fixture = try await Fixture.make(extraConfig: "[limits]\nmax_pages = 2")
        let host = fixture.state.paged.host
        let result = try await fixture.cli.run(["repos", host])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                regconsole: \(host) sent more than 2 pages while listing repositories (GET /v2/_catalog); stopped there; \
                if the registry really holds that many, raise max_pages under [limits] in the config (regconsole config path)

                """)
        #expect(result.stdout.isEmpty)
    }

    @Test func tagPagesFollowRelativeLinks() async throws {
        let fixture = try await Fixture.make()
        let proxy = try await FaultServer.start(
            upstream: fixture.state.anonymous.url, rules: ["/bulk/many/tags/list$=page:100"])
        defer { proxy.stop() }
        let names = try await fixture.jsonArray(["tags", "\(proxy.host)/bulk/many"]).compactMap {
            $0["name"] as? String
        }
        #expect(names.count == 1500)
        #expect(names == (1...1500).map { String(format: "t%04d", $0) })
    }
}
