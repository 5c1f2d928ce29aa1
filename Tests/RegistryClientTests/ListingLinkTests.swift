import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// The `Link` a tag listing follows: a link back to a page already read ends the listing, a
/// link to another origin is followed without the registry's token, and one to plain HTTP is refused
/// after the pages before it were delivered.
struct ListingLinkTests {
    private typealias Registry = ScriptedRegistry
    private static let second = "/v2/ns/app/tags/list?last=a&n=1000"
    private static let third = "/v2/ns/app/tags/list?last=b&n=1000"

    @Test func aLinkBackToTheFirstPageEndsTheListing() async throws {
        let http = ScriptedHTTPClient([
            Registry.tagPage(Registry.tags, ["a"], next: Self.second),
            Registry.tagPage(Self.second, ["b"], next: Registry.tags),
        ])
        let (pages, error) = await Registry.drain(Registry.provider(http).tags(repository: "ns/app"))
        #expect(error == nil)
        #expect(pages.map { $0.map(\.name) } == [["a"], ["b"]])
        #expect(http.requests.count == 2)
        #expect(http.remaining == 0)
    }

    @Test func aLinkBackToALaterPageEndsTheListing() async throws {
        let http = ScriptedHTTPClient([
            Registry.tagPage(Registry.tags, ["a"], next: Self.second),
            Registry.tagPage(Self.second, ["b"], next: Self.third),
            Registry.tagPage(Self.third, ["c"], next: "https://registry.example" + Self.second),
        ])
        let (pages, error) = await Registry.drain(Registry.provider(http).tags(repository: "ns/app"))
        #expect(error == nil)
        #expect(pages.map { $0.map(\.name) } == [["a"], ["b"], ["c"]])
        #expect(http.requests.count == 3)
    }

    @Test func aLinkToAnotherOriginIsFollowedWithoutTheToken() async throws {
        let mirror = "https://mirror.example/v2/ns/app/tags/list?last=a&n=1000"
        let scope = "repository:ns/app:pull"
        let http = ScriptedHTTPClient([
            .init(.get, Registry.tags, status: 401, headers: Registry.bearer(scope)),
            Registry.token(scope, "t1"),
            Registry.tagPage(Registry.tags, ["a"], next: mirror, checks: [.equals("Authorization", "Bearer t1")]),
            Registry.tagPage(mirror, ["b"], checks: [.absent("Authorization")]),
        ])
        let (pages, error) = await Registry.drain(Registry.provider(http).tags(repository: "ns/app"))
        #expect(error == nil)
        #expect(pages.map { $0.map(\.name) } == [["a"], ["b"]])
        #expect(http.requests.count == 4)
        #expect(http.remaining == 0)
    }

    @Test func aLinkFromHTTPSToPlainHTTPIsRefusedAfterTheFirstPage() async throws {
        let http = ScriptedHTTPClient([
            Registry.tagPage(Registry.tags, ["a"], next: "http://registry.example" + Self.second)
        ])
        let (pages, error) = await Registry.drain(Registry.provider(http).tags(repository: "ns/app"))
        let refusal = try #require(error as? RegistryError)
        #expect(pages.map { $0.map(\.name) } == [["a"]])
        #expect(refusal.code == .refused)
        #expect(
            refusal.message
                == "registry.example is HTTPS but sent a plain HTTP URL (http://registry.example:80) while listing tags of ns/app; refused"
        )
        #expect(
            refusal.hint
                == "the registry (or a proxy in front of it) is misconfigured: it should send https or relative URLs")
        #expect(http.requests.count == 1)
    }
}
