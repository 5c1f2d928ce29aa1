import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The real binary against registries that attack it: credentials lured to another origin or over
/// plain HTTP, listings without end, challenges without end, answers that never come.
@Suite(.serialized)
struct HostileRegistryTests {
    private let http = CurlHTTPClient(retryPolicy: .none)

    /// Runs `regconsole arguments…` with one configured instance, `hostile`, at `url` (user alice,
    /// password from the environment), plus `config`; removes the runner's home afterwards.
    private func run(
        _ arguments: [String], url: String, insecure: Bool = false, config: String = "",
        trusting certificate: String? = nil
    ) async throws -> CLIRunner.Result {
        let cli = try CLIRunner(
            configTOML: """
                \(config)
                [[instances]]
                name = "hostile"
                url = "\(url)"
                insecure = \(insecure)
                username = "alice"
                password_env = "HOSTILE_PASSWORD"
                """)
        defer { try? FileManager.default.removeItem(at: cli.home) }
        var environment = ["HOSTILE_PASSWORD": "s3cret"]
        environment["SSL_CERT_FILE"] = certificate
        return try await cli.run(arguments, extraEnvironment: environment)
    }

    @Test func credentialsNeverFollowALinkToAnotherOrigin() async throws {
        let other = try await HostileRegistry.start(.basicChallenge)
        defer { other.stop() }
        let registry = try await HostileRegistry.start(.linkOtherOrigin, other: other.url)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("sent a URL on another origin (\(other.url)) while listing repositories"),
            "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let seen = try await other.requests(via: http)
        #expect(seen.map(\.path) == ["/v2/_catalog?last=a&n=1"])
        #expect(seen.map(\.authorization) == [nil])
        let own = try await registry.requests(via: http)
        #expect(own.map(\.authorization) == [nil, "Basic " + Data("alice:s3cret".utf8).base64EncodedString()])
    }

    @Test func aVerifiedHTTPSRegistryCannotSendTheListingToPlainHTTP() async throws {
        let other = try await HostileRegistry.start(.basicChallenge)
        defer { other.stop() }
        let registry = try await HostileRegistry.start(.linkOtherOrigin, other: other.url, tls: true)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url, trusting: registry.certificate)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("is HTTPS but sent a plain HTTP URL (\(other.url)) while listing repositories"),
            "\(result.stderr)")
        #expect(try await other.requests(via: http).isEmpty)
        #expect(try await registry.requests(via: http).count == 2)
    }

    @Test func endlessPagingStopsAtTheConfiguredCap() async throws {
        let registry = try await HostileRegistry.start(.endlessPaging)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url, config: "[limits]\nmax_pages = 20")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "sent more than 20 pages while listing repositories (GET /v2/_catalog); stopped there"),
            "\(result.stderr)")
        #expect(result.stderr.contains("raise max_pages under [limits] in the config"))
        #expect(result.stdout.isEmpty)
        #expect(try await registry.requests(via: http).count == 20)
    }

    @Test func aChallengeForANewScopeEveryTimeEndsAfterSevenRequests() async throws {
        let registry = try await HostileRegistry.start(.scopeLoop)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url)
        #expect(result.status == 1)
        let expected =
            "asked for new credentials more than 3 times while listing repositories (GET /v2/_catalog); "
            + #"gave up (last challenge: Bearer realm="\#(registry.url)/token",service="hostile","#
            + #"scope="repository:loop-4:pull",error="insufficient_scope")"#
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        // Four refused requests and three token requests, the only ones that carry the password.
        let seen = try await registry.requests(via: http)
        #expect(seen.map { $0.path.hasPrefix("/token") } == [false, true, false, true, false, true, false])
        #expect(seen.filter { $0.authorization?.hasPrefix("Basic ") == true }.count == 3)
    }

    @Test func aTokenRealmOverPlainHTTPIsRefusedForAVerifiedRegistry() async throws {
        let realm = try await HostileRegistry.start(.token)
        defer { realm.stop() }
        let registry = try await HostileRegistry.start(.otherRealm, other: realm.url, tls: true)
        defer { registry.stop() }
        let refused = try await run(["repos", "hostile"], url: registry.url, trusting: registry.certificate)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "is HTTPS but sent its token realm as plain HTTP (\(realm.url)); refused to send credentials over it"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("set insecure = true on the instance to allow it"))
        #expect(try await realm.requests(via: http).isEmpty)

        let allowed = try await run(["repos", "hostile", "--output", "json"], url: registry.url, insecure: true)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect((try allowed.json() as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["a"])
        #expect(try await realm.requests(via: http).count == 1)
    }

    @Test func aTokenServerThatNeverAnswersFailsByTheDeadline() async throws {
        let realm = try await HostileRegistry.start(.noHeaders)
        defer { realm.stop() }
        let registry = try await HostileRegistry.start(.otherRealm, other: realm.url)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url, config: "[limits]\nrequest_timeout = 2")
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("127.0.0.1 did not answer in time while fetching a token from 127.0.0.1"),
            "\(result.stderr)")
        #expect(try await realm.requests(via: http).count == 1)
        // libcurl names the limit that fired: the 2 s deadline, not its 30 s stall window.
        #expect(result.stderr.contains("timed out after"), "\(result.stderr)")
    }

    @Test(arguments: [HostileRegistry.Scenario.drip, .noHeaders])
    func aServerThatNeverFinishesFailsByTheDeadline(scenario: HostileRegistry.Scenario) async throws {
        let registry = try await HostileRegistry.start(scenario)
        defer { registry.stop() }
        let result = try await run(["repos", "hostile"], url: registry.url, config: "[limits]\nrequest_timeout = 2")
        #expect(result.status == 1)
        #expect(result.stderr.contains("did not answer in time while listing repositories"), "\(result.stderr)")
        #expect(try await registry.requests(via: http).count == 1)
        // libcurl names the limit that fired: the 2 s deadline ("timed out after"), not the 30 s stall
        // window ("too slow"); without a deadline it would be 500 s of dripping.
        #expect(result.stderr.contains("timed out after"), "\(result.stderr)")
    }
}
