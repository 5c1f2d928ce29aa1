import Foundation
import TestSupport

@testable import RegistryClient

/// A distribution registry at `https://registry.example` played by a `ScriptedHTTPClient`, with
/// the configured account alice:secret, and the exchanges the suites on it share.
enum ScriptedRegistry {
    static let base = "https://registry.example"
    static let basic = "Basic " + Data("alice:secret".utf8).base64EncodedString()
    static let realm = "https://auth.example/token"
    /// The first page of the tag listing of ns/app.
    static let tags = "/v2/ns/app/tags/list?n=1000"

    /// The provider of instance `reg` at `base`, sending through `http`.
    static func provider(_ http: ScriptedHTTPClient, url: String = base) -> DistributionProvider {
        let baseURL = URL(string: url)!
        return DistributionProvider(
            instance: Instance(name: "reg", kind: .distribution, url: baseURL, origin: .config, insecure: false),
            baseURL: baseURL,
            http: http, credentials: .password(username: "alice", password: "secret"),
            chain: CredentialChain(environment: [:]),
            content: ContentStore(directory: nil))
    }

    /// A tag-list page of ns/app at `url` holding `names`, with a `Link` to `next`.
    static func tagPage(
        _ url: String, _ names: [String], next: String? = nil, checks: [ScriptedHTTPClient.HeaderCheck] = []
    )
        -> ScriptedHTTPClient.Exchange
    {
        let body = #"{"name":"ns/app","tags":[\#(names.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        let link = HTTPHeaders(next.map { [("Link", "<\($0)>; rel=\"next\"")] } ?? [])
        return .init(.get, url, checks: checks, headers: link, body: body)
    }

    /// A Bearer challenge from `realm` for `scope`.
    static func bearer(_ scope: String, realm: String = realm) -> HTTPHeaders {
        ["WWW-Authenticate": #"Bearer realm="\#(realm)",service="reg",scope="\#(scope)""#]
    }

    /// The token request for `scope` with alice's password, answered with `token`.
    static func token(_ scope: String, _ token: String, realm: String = realm) -> ScriptedHTTPClient.Exchange {
        .init(
            .get, "\(realm)?service=reg&scope=\(scope)&account=alice", checks: [.equals("Authorization", basic)],
            body: #"{"token":"\#(token)","expires_in":300}"#)
    }

    /// Reads a listing the way the console does, page by page, until it ends or fails.
    static func drain<Item>(
        _ stream: AsyncThrowingStream<[Item], any Error>
    ) async -> (pages: [[Item]], error: (any Error)?) {
        var pages: [[Item]] = []
        do {
            for try await page in stream { pages.append(page) }
            return (pages, nil)
        } catch {
            return (pages, error)
        }
    }
}
