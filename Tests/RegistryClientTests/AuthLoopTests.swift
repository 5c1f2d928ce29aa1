import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// How the distribution client answers 401s: a refused token or password is not tried forever,
/// Basic is answered once with the configured account, and what a token realm elsewhere receives.
struct AuthLoopTests {
    private typealias Registry = ScriptedRegistry
    private static let scope = "repository:ns/app:pull"
    private static let rejected = "registry.example rejected user 'alice' from config instance 'reg'"
    private static let rejectedHint =
        "check the username and password (docker login registry.example, or the instance's password_env)"

    private func tagNames(_ provider: DistributionProvider) async throws -> [String] {
        try await provider.tags(repository: "ns/app").collect().map(\.name)
    }

    @Test func aFreshTokenRefusedWithTheSameChallengeEndsAfterOneToken() async throws {
        let http = ScriptedHTTPClient([
            .init(
                .get, Registry.tags, checks: [.absent("Authorization")], status: 401,
                headers: Registry.bearer(Self.scope)),
            Registry.token(Self.scope, "t1"),
            .init(
                .get, Registry.tags, checks: [.equals("Authorization", "Bearer t1")], status: 401,
                headers: Registry.bearer(Self.scope)),
        ])
        let error = await #expect(throws: RegistryError.self) { _ = try await tagNames(Registry.provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message == Self.rejected)
        #expect(error?.hint == Self.rejectedHint)
        #expect(error?.status == 401)
        #expect(http.requests.count == 3)
        #expect(http.remaining == 0)
    }

    @Test func aFreshTokenRefusedWithAnotherChallengeIsNotFollowedByASecondToken() async throws {
        let other = "repository:other/app:pull"
        let http = ScriptedHTTPClient([
            .init(.get, Registry.tags, status: 401, headers: Registry.bearer(Self.scope)),
            Registry.token(Self.scope, "t1"),
            .init(
                .get, Registry.tags, checks: [.equals("Authorization", "Bearer t1")], status: 401,
                headers: Registry.bearer(other)),
        ])
        let error = await #expect(throws: RegistryError.self) { _ = try await tagNames(Registry.provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message == Self.rejected)
        #expect(http.requests.count == 3)
        #expect(http.requests.filter { $0.url.host == "auth.example" }.count == 1)
    }

    @Test func aTokenServerRefusingThePasswordEndsTheRequest() async throws {
        let http = ScriptedHTTPClient([
            .init(.get, Registry.tags, status: 401, headers: Registry.bearer(Self.scope)),
            Registry.token(Self.scope, "unused").answering(status: 401),
        ])
        let error = await #expect(throws: RegistryError.self) { _ = try await tagNames(Registry.provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message == Self.rejected)
        #expect(http.requests.count == 2)
        #expect(http.remaining == 0)
    }

    @Test func aTokenServerAnsweringGarbageIsAnInvalidResponse() async throws {
        let http = ScriptedHTTPClient([
            .init(.get, Registry.tags, status: 401, headers: Registry.bearer(Self.scope)),
            Registry.token(Self.scope, "unused").answering(status: 200, body: "<html>login</html>"),
        ])
        let error = await #expect(throws: RegistryError.self) { _ = try await tagNames(Registry.provider(http)) }
        #expect(error?.code == .invalidResponse)
        #expect(
            error?.message.hasPrefix("the token server auth.example answered with an unusable token: not valid JSON")
                == true)
        #expect(http.requests.count == 2)
    }

    @Test func aBasicChallengeIsAnsweredOnceAndTheAnswerIsSentUpFrontAfterwards() async throws {
        let http = ScriptedHTTPClient([
            .init(
                .get, Registry.tags, checks: [.absent("Authorization")], status: 401,
                headers: ["WWW-Authenticate": #"Basic realm="reg""#]),
            Registry.tagPage(Registry.tags, ["v1"], checks: [.equals("Authorization", Registry.basic)]),
            Registry.tagPage(Registry.tags, ["v1"], checks: [.equals("Authorization", Registry.basic)]),
        ])
        let provider = Registry.provider(http)
        #expect(try await tagNames(provider) == ["v1"])
        #expect(try await tagNames(provider) == ["v1"])
        #expect(http.requests.count == 3)
        #expect(http.remaining == 0)
    }

    @Test func aBasicChallengeRepeatedAfterThePasswordSaysTheAccountWasRejected() async throws {
        let challenge: HTTPHeaders = ["WWW-Authenticate": #"Basic realm="reg""#]
        let http = ScriptedHTTPClient([
            .init(.get, Registry.tags, checks: [.absent("Authorization")], status: 401, headers: challenge),
            .init(
                .get, Registry.tags, checks: [.equals("Authorization", Registry.basic)], status: 401, headers: challenge
            ),
        ])
        let error = await #expect(throws: RegistryError.self) { _ = try await tagNames(Registry.provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message == Self.rejected)
        #expect(error?.hint == Self.rejectedHint)
        #expect(http.requests.count == 2)
    }

    /// The realm on another host (as Docker Hub's is) gets the account's password, and nothing else;
    /// the token it hands out goes back to the registry only.
    @Test func aTokenRealmOnAnotherOriginGetsOnlyThePassword() async throws {
        let realm = "https://auth.other.example:8443/token"
        let http = ScriptedHTTPClient([
            .init(
                .get, Registry.tags, checks: [.absent("Authorization")], status: 401,
                headers: Registry.bearer(Self.scope, realm: realm)),
            Registry.token(Self.scope, "t1", realm: realm),
            Registry.tagPage(Registry.tags, ["v1"], checks: [.equals("Authorization", "Bearer t1")]),
        ])
        #expect(try await tagNames(Registry.provider(http)) == ["v1"])
        let tokenRequest = try #require(http.requests.dropFirst().first)
        #expect(tokenRequest.url.host == "auth.other.example")
        #expect(tokenRequest.method == .get)
        #expect(tokenRequest.headers.fields.map(\.name) == ["Authorization"])
        #expect(tokenRequest.headers["Authorization"] == Registry.basic)
        #expect(tokenRequest.body == nil)
        #expect(http.remaining == 0)
    }
}
