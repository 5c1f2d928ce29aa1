import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Basic (htpasswd) and Bearer (token server) registries, with credentials from the config and
/// from the docker config.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct AuthTests {
    @Test(arguments: ["basic", "bearer"])
    func everyBrowsingCommandWorksWithCredentials(instance: String) async throws {
        let fixture = try await Fixture.make()
        let namespaces = try await fixture.jsonArray(["namespaces", instance]).compactMap { $0["name"] as? String }
        #expect(Set(namespaces).subtracting(["scratch"]) == Set(fixture.state.seed.namespaces.keys))
        let repos = try await fixture.jsonArray(["repos", "\(instance)/ns"]).compactMap { $0["name"] as? String }
        #expect(repos == ["ns/app", "ns/web"])
        let expected = try #require(fixture.state.seed.repositories["ns/web"]?["stable"])
        let rows = try await fixture.jsonArray(["tags", "\(instance)/ns/web", "--long"])
        let stable = try #require(rows.first { $0["name"] as? String == "stable" })
        #expect(stable["digest"] as? String == expected.digest)
        #expect(stable["platforms"] as? [String] == ["linux/amd64", "linux/arm/v7"])
        let inspected = try #require(
            try await fixture.succeed(["inspect", "\(instance)/ns/web:v2", "--output", "json"]).json() as? [String: Any]
        )
        #expect(inspected["mediaType"] as? String == "application/vnd.docker.distribution.manifest.v2+json")
    }

    @Test(arguments: ["basic", "bearer"])
    func wrongPasswordSaysWhichCredentialsWereRejected(instance: String) async throws {
        let fixture = try await Fixture.make()
        let result = try await fixture.cli.run(
            ["tags", "\(instance)/ns/app"], extraEnvironment: ["ALICE_PASSWORD": "wrong"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("rejected user 'alice' from $ALICE_PASSWORD"))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["basic", "bearer"])
    func missingCredentialsListWhatWasTried(registry: String) async throws {
        let fixture = try await Fixture.make()
        let host = registry == "basic" ? fixture.state.basic.host : fixture.state.bearer.host
        let result = try await fixture.cli.run(["tags", "\(host)/ns/app"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("requires credentials and none were found"))
        #expect(result.stderr.contains(fixture.cli.home.appendingPathComponent(".docker/config.json").path))
        #expect(result.stderr.contains("docker login \(host)"))
    }

    @Test(arguments: ["basic", "bearer"])
    func dockerConfigAuthsAreUsedForHostReferences(registry: String) async throws {
        let fixture = try await Fixture.make()
        let host = registry == "basic" ? fixture.state.basic.host : fixture.state.bearer.host
        let auth = Data("alice:\(fixture.state.basic.password!)".utf8).base64EncodedString()
        try fixture.cli.writeDockerConfig(#"{"auths": {"\#(host)": {"auth": "\#(auth)"}}}"#)
        let tags = try await fixture.jsonArray(["tags", "\(host)/alpha"]).compactMap { $0["name"] as? String }
        #expect(tags == ["1"])
    }

    @Test func pullOnlyAccountIsDeniedDeleteAndToldWhy() async throws {
        let fixture = try await Fixture.make()
        let repository = "scratch/authz-\(UUID().uuidString.lowercased().prefix(8))"
        try RegistryHarness.seedImage(
            registry: fixture.state.anonymous.url, repository: repository, tags: ["only"], content: repository)
        let result = try await fixture.cli.run(["delete", "reader/\(repository):only", "--yes"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("failed"))
        #expect(result.stdout.contains("denied user 'bob'"))
        let tags = try await fixture.jsonArray(["tags", "local/\(repository)"]).compactMap { $0["name"] as? String }
        #expect(tags == ["only"])
    }

    @Test func bearerTokensAreCachedPerScope() async throws {
        let fixture = try await Fixture.make()
        let stats = URL(string: try #require(fixture.state.bearer.tokenURL) + "/stats")!
        let http = CurlHTTPClient()
        func issued() async throws -> [[String: Any]] {
            let body = try await http.send(HTTPRequest(url: stats)).body
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
            return object?["issued"] as? [[String: Any]] ?? []
        }
        let before = try await issued().count
        _ = try await fixture.succeed(["tags", "bearer/ns/app", "--long"])
        let fetched = try await issued().dropFirst(before).filter {
            $0["user"] as? String == "alice" && ($0["scopes"] as? [String])?.contains("repository:ns/app:pull") == true
        }
        #expect(fetched.count == 1, "\(fetched.count) tokens for one scope across ~20 requests")
    }
}
