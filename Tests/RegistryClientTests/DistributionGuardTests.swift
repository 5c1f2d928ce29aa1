import Foundation
import Synchronization
import TestSupport
import Testing

@testable import RegistryClient

/// The distribution client's guards against a hostile server, played by a scripted HTTP double:
/// the origin rule for URLs the server hands back, the caps on listings, bounded re-authentication.
struct DistributionGuardTests {
    private static let registry = "https://registry.example"
    private static let basic = "Basic " + Data("alice:secret".utf8).base64EncodedString()
    private static let catalog = "/v2/_catalog?n=1000"

    private func provider(
        _ http: ScriptedHTTPClient, url: String = registry, insecure: Bool = false,
        limits: RegistryLimits = RegistryLimits()
    ) -> DistributionProvider {
        let base = URL(string: url)!
        return DistributionProvider(
            instance: Instance(name: "reg", kind: .distribution, url: base, origin: .config, insecure: insecure),
            baseURL: base, http: http,
            credentials: .password(username: "alice", password: "secret"), chain: CredentialChain(environment: [:]),
            content: ContentStore(directory: nil), limits: limits)
    }

    private func names(_ provider: DistributionProvider) async throws -> [String] {
        try await provider.repositories(namespace: nil).collect().map(\.name)
    }

    private func page(_ names: [String], next: String? = nil) -> ScriptedHTTPClient.Exchange {
        let body = #"{"repositories":[\#(names.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        return .init(.get, "", headers: HTTPHeaders(next.map { [("Link", "<\($0)>; rel=\"next\"")] } ?? []), body: body)
    }

    /// A Basic challenge to a request without credentials.
    private func basicChallenge(_ url: String) -> ScriptedHTTPClient.Exchange {
        .init(
            .get, url, checks: [.absent("Authorization")], status: 401,
            headers: ["WWW-Authenticate": #"Basic realm="r""#])
    }

    /// A Basic challenge on the catalog, then the first page carrying `next`.
    private func basicFirstPage(_ names: [String], next: String) -> [ScriptedHTTPClient.Exchange] {
        [
            basicChallenge(Self.registry + Self.catalog),
            page(names, next: next).expecting(
                Self.registry + Self.catalog, checks: [.equals("Authorization", Self.basic)]),
        ]
    }

    // MARK: - Origin rule

    @Test(arguments: [
        (registry, "https://other.example/v2/_catalog?last=a&n=1"),
        (registry, "https://registry.example:8443/v2/_catalog?last=a&n=1"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5001/v2/_catalog?last=a&n=1"),
        ("http://127.0.0.1:5000", "https://127.0.0.1:5000/v2/_catalog?last=a&n=1"),
    ])
    func aLinkToAnotherOriginIsFollowedWithoutCredentials(base: String, next: String) async throws {
        let http = ScriptedHTTPClient([
            basicChallenge(base + Self.catalog),
            page(["a"], next: next).expecting(base + Self.catalog, checks: [.equals("Authorization", Self.basic)]),
            page(["b"]).expecting(next, checks: [.absent("Authorization")]),
        ])
        #expect(try await names(provider(http, url: base)) == ["a", "b"])
        #expect(http.remaining == 0)
    }

    @Test func aChallengeOnAnotherOriginIsNotAnswered() async throws {
        let next = "https://other.example/v2/_catalog?last=a&n=1"
        let http = ScriptedHTTPClient(
            basicFirstPage(["a"], next: next) + [
                basicChallenge(next)
            ])
        let error = await #expect(throws: RegistryError.self) { _ = try await names(provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.message.contains("sent a URL on another origin (https://other.example:443)") == true)
        #expect(error?.message.contains("the registry's credentials are not sent there") == true)
        #expect(http.remaining == 0)
    }

    @Test(arguments: [false, true])
    func aLinkFromHTTPSToPlainHTTPIsRefused(insecure: Bool) async throws {
        let http = ScriptedHTTPClient(basicFirstPage(["a"], next: "http://registry.example/v2/_catalog?last=a&n=1"))
        let error = await #expect(throws: RegistryError.self) {
            _ = try await names(provider(http, insecure: insecure))
        }
        #expect(error?.code == .refused)
        #expect(
            error?.message == "registry.example is HTTPS but sent a plain HTTP URL (http://registry.example:80) "
                + "while listing repositories (GET /v2/_catalog); refused")
        #expect(http.requests.count == 2)
    }

    @Test(arguments: [
        ("/v2/ns/app/blobs/uploads/1?state=s", true),
        ("https://storage.example/upload/1?state=s", false),
        ("http://registry.example/v2/ns/app/blobs/uploads/1?state=s", false),
    ])
    func anUploadLocationFollowsTheOriginRule(location: String, sameOrigin: Bool) async throws {
        let data = Data("layer".utf8)
        let digest = Digest.sha256(of: data)
        let blobs = Self.registry + "/v2/ns/app/blobs"
        let put = (location.hasPrefix("/") ? Self.registry + location : location) + "&digest=\(digest)"
        var script: [ScriptedHTTPClient.Exchange] = [
            .init(.head, "\(blobs)/\(digest)", status: 401, headers: ["WWW-Authenticate": #"Basic realm="r""#]),
            .init(.head, "\(blobs)/\(digest)", checks: [.equals("Authorization", Self.basic)], status: 404),
            .init(
                .post, "\(blobs)/uploads/", checks: [.equals("Authorization", Self.basic)], status: 202,
                headers: ["Location": location]),
        ]
        let downgrade = location.hasPrefix("http://")
        if !downgrade {
            let credentials: ScriptedHTTPClient.HeaderCheck =
                sameOrigin ? .equals("Authorization", Self.basic) : .absent("Authorization")
            script.append(.init(.put, put, checks: [credentials], status: 201))
        }
        let http = ScriptedHTTPClient(script)
        if downgrade {
            let error = await #expect(throws: RegistryError.self) {
                _ = try await provider(http).uploadBlob(repository: "ns/app", data: data)
            }
            #expect(error?.code == .refused)
        } else {
            #expect(try await provider(http).uploadBlob(repository: "ns/app", data: data) == digest)
        }
        #expect(http.remaining == 0)
    }

    // MARK: - Listing bounds

    @Test func aRepeatedLinkEndsTheListing() async throws {
        let http = ScriptedHTTPClient([
            page(["a"], next: "/v2/_catalog?last=a&n=1000").expecting(Self.catalog),
            page(["b"], next: "/v2/_catalog?last=a&n=1000").expecting("/v2/_catalog?last=a&n=1000"),
        ])
        #expect(try await names(provider(http)) == ["a", "b"])
        #expect(http.requests.count == 2)
    }

    private func endlessPages(_ count: Int, size: Int) -> [ScriptedHTTPClient.Exchange] {
        (0..<count).map { index in
            let names = (0..<size).map { "p\(index)-\($0)" }
            return page(names, next: "/v2/_catalog?last=\(names.last!)&n=1000")
                .expecting(index == 0 ? Self.catalog : "/v2/_catalog?last=p\(index - 1)-\(size - 1)&n=1000")
        }
    }

    @Test func aListingStopsAtThePageCap() async throws {
        var limits = RegistryLimits()
        limits.maxPages = 3
        let http = ScriptedHTTPClient(endlessPages(3, size: 2))
        let error = await #expect(throws: RegistryError.self) { _ = try await names(provider(http, limits: limits)) }
        #expect(
            error?.message
                == "registry.example sent more than 3 pages while listing repositories (GET /v2/_catalog); stopped there"
        )
        #expect(
            error?.hint
                == "if the registry really holds that many, raise max_pages under [limits] in the config (regconsole config path)"
        )
        #expect(http.remaining == 0)
    }

    @Test func aListingStopsAtTheItemCap() async throws {
        var limits = RegistryLimits()
        limits.maxItems = 3
        let http = ScriptedHTTPClient(endlessPages(2, size: 2))
        let error = await #expect(throws: RegistryError.self) { _ = try await names(provider(http, limits: limits)) }
        #expect(
            error?.message
                == "registry.example sent more than 3 items while listing repositories (GET /v2/_catalog); stopped there"
        )
        #expect(http.remaining == 0)
    }

    @Test func limitsAreReadFromTheConfig() throws {
        let config = try Config.parse(
            "[limits]\nmax_pages = 5\nmax_items = 70\nrequest_timeout = 2\nblob_timeout = 30\nmax_connections = 4\n",
            file: "c.toml")
        var expected = RegistryLimits()
        (expected.maxPages, expected.maxItems, expected.requestTimeout, expected.blobTimeout, expected.maxConnections) =
            (5, 70, .seconds(2), .seconds(30), 4)
        #expect(config.limits == expected)
        #expect(try Config.parse("", file: "c.toml").limits == RegistryLimits())
        #expect(throws: ConfigError.self) { try Config.parse("[limits]\nmax_pages = 0\n", file: "c.toml") }
        #expect(throws: ConfigError.self) { try Config.parse("[limits]\nmax_page = 5\n", file: "c.toml") }
    }

    // MARK: - Re-authentication

    private static let realm = "https://auth.example/token"

    private func bearer(_ scope: String, error: String? = nil, service: String = "reg") -> HTTPHeaders {
        [
            "WWW-Authenticate": #"Bearer realm="\#(Self.realm)",service="\#(service)",scope="\#(scope)""#
                + (error.map { #",error="\#($0)""# } ?? "")
        ]
    }

    private func token(_ scopes: [String], _ value: String, expiresIn: Int = 300) -> ScriptedHTTPClient.Exchange {
        let query = scopes.map { "scope=\($0)" }.joined(separator: "&")
        return .init(
            .get, "\(Self.realm)?service=reg&\(query)&account=alice", checks: [.equals("Authorization", Self.basic)],
            body: #"{"token":"\#(value)","expires_in":\#(expiresIn)}"#)
    }

    @Test func aServerAskingForNewScopesForeverIsAnsweredThreeTimes() async throws {
        var script: [ScriptedHTTPClient.Exchange] = [
            .init(
                .get, Self.catalog, checks: [.absent("Authorization")], status: 401,
                headers: bearer("repository:loop-1:pull", error: "insufficient_scope"))
        ]
        for round in 1...3 {
            let service = round == 3 ? "reg\u{1B}[2J\u{202E}" : "reg"
            script += [
                token(["registry:catalog:*", "repository:loop-\(round):pull"], "t\(round)"),
                .init(
                    .get, Self.catalog, checks: [.equals("Authorization", "Bearer t\(round)")], status: 401,
                    headers: bearer("repository:loop-\(round + 1):pull", error: "insufficient_scope", service: service)),
            ]
        }
        let http = ScriptedHTTPClient(script)
        let error = await #expect(throws: RegistryError.self) { _ = try await names(provider(http)) }
        #expect(error?.code == .unauthorized)
        #expect(
            error?.message == "registry.example asked for new credentials more than 3 times while listing repositories "
                + #"(GET /v2/_catalog); gave up (last challenge: Bearer realm="https://auth.example/token",service="reg[2J","#
                + #"scope="repository:loop-4:pull",error="insufficient_scope")"#)
        #expect(http.requests.count == 7)
        #expect(http.remaining == 0)
    }

    @Test func insufficientScopeIsAnsweredOnceWithTheWiderScope() async throws {
        let tags = "/v2/ns/app/tags/list?n=1000"
        let http = ScriptedHTTPClient([
            .init(
                .get, tags, checks: [.absent("Authorization")], status: 401, headers: bearer("repository:ns/app:pull")),
            token(["repository:ns/app:pull"], "narrow"),
            .init(
                .get, tags, checks: [.equals("Authorization", "Bearer narrow")], status: 401,
                headers: bearer("repository:ns/app:pull,push", error: "insufficient_scope")),
            token(["repository:ns/app:pull,push"], "wide"),
            .init(
                .get, tags, checks: [.equals("Authorization", "Bearer wide")], body: #"{"name":"ns/app","tags":["v1"]}"#
            ),
        ])
        #expect(try await provider(http).tags(repository: "ns/app").collect().map(\.name) == ["v1"])
        #expect(http.remaining == 0)
    }

    @Test func theSameRefusalTwiceSaysTheAccountLacksThePermission() async throws {
        let tags = "/v2/ns/app/tags/list?n=1000"
        let http = ScriptedHTTPClient([
            .init(.get, tags, status: 401, headers: bearer("repository:ns/app:pull")),
            token(["repository:ns/app:pull"], "t1"),
            .init(
                .get, tags, checks: [.equals("Authorization", "Bearer t1")], status: 401,
                headers: bearer("repository:ns/app:pull", error: "insufficient_scope")),
        ])
        let error = await #expect(throws: RegistryError.self) {
            _ = try await provider(http).tags(repository: "ns/app").collect()
        }
        #expect(error?.code == .denied)
        #expect(
            error?.message
                == "registry.example denied user 'alice' from config instance 'reg' access to repository:ns/app:pull")
        #expect(http.remaining == 0)
    }

    @Test func anExpiredTokenIsFetchedAgain() async throws {
        let path = "/v2/ns/app/tags/list"
        let http = ScriptedHTTPClient([
            .init(.get, path, status: 401, headers: bearer("repository:ns/app:pull")),
            token(["repository:ns/app:pull"], "first", expiresIn: 60),
            .init(.get, path, checks: [.equals("Authorization", "Bearer first")]),
            .init(.get, path, checks: [.equals("Authorization", "Bearer first")]),
            token(["repository:ns/app:pull"], "second", expiresIn: 60),
            .init(.get, path, checks: [.equals("Authorization", "Bearer second")]),
        ])
        let clock = TestClock()
        let base = URL(string: Self.registry)!
        let authenticator = Authenticator(
            registry: base, instanceName: "reg", configured: .password(username: "alice", password: "secret"),
            chain: CredentialChain(environment: [:]), http: http, security: .verified,
            now: { clock.now.withLock { $0 } })
        let api = DistributionAPI(baseURL: base, http: http, authenticator: authenticator, security: .verified)
        let call = DistributionAPI.Call(target: .path(path), scopes: [.pull("ns/app")], operation: "listing tags")
        _ = try await api.send(call)
        clock.now.withLock { $0 += 45 }  // 15 s left: still fresh
        _ = try await api.send(call)
        clock.now.withLock { $0 += 10 }  // 5 s left: too close to expiry to send
        _ = try await api.send(call)
        #expect(http.remaining == 0)
    }

    @Test(arguments: [false, true])
    func aTokenRealmThatDowngradesIsRefusedUnlessInsecure(insecure: Bool) async throws {
        let plainRealm = "http://auth.example/token"
        var script: [ScriptedHTTPClient.Exchange] = [
            .init(
                .get, Self.catalog, status: 401,
                headers: [
                    "WWW-Authenticate": #"Bearer realm="\#(plainRealm)",service="reg",scope="registry:catalog:*""#
                ])
        ]
        if insecure {
            script += [
                .init(
                    .get, "\(plainRealm)?service=reg&scope=registry:catalog:*&account=alice", body: #"{"token":"t"}"#),
                page(["a"]).expecting(Self.catalog, checks: [.equals("Authorization", "Bearer t")]),
            ]
        }
        let http = ScriptedHTTPClient(script)
        if insecure {
            #expect(try await names(provider(http, insecure: true)) == ["a"])
        } else {
            let error = await #expect(throws: RegistryError.self) { _ = try await names(provider(http)) }
            #expect(error?.code == .refused)
            #expect(
                error?.message
                    == "registry.example is HTTPS but sent its token realm as plain HTTP (http://auth.example:80); "
                    + "refused to send credentials over it")
            #expect(
                error?.hint
                    == "fix the registry's token realm to use https, or set insecure = true on the instance to allow it"
            )
        }
        #expect(http.remaining == 0)
    }
}

/// A clock a test moves by hand.
private final class TestClock: Sendable {
    let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
}
