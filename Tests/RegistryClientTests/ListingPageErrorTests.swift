import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// A tag listing whose second page fails: the first page's tags are delivered, then the error
/// says what went wrong with that page.
struct ListingPageErrorTests {
    private typealias Registry = ScriptedRegistry
    private static let second = "/v2/ns/app/tags/list?last=a&n=1000"
    private static let malformedHint = "the server may be failing, or a proxy altered the answer"

    /// One way page 2 fails and what the user is told.
    struct Failure: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var headers: HTTPHeaders = [:]
        var body: String
        var code: RegistryError.Code
        var message: String
        var hint: String?
        var serverCode: String?

        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(
            name: "500 with an error body", status: 500,
            body: #"{"errors":[{"code":"UNKNOWN","message":"storage backend down"}]}"#,
            code: .server,
            message: "registry.example failed while listing tags of ns/app (HTTP 500: storage backend down)",
            hint: "the registry is failing; retry later or check its logs", serverCode: "UNKNOWN"),
        Failure(
            name: "429 with Retry-After", status: 429, headers: ["Retry-After": "30"],
            body: #"{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}"#,
            code: .rateLimited, message: "registry.example is rate limiting listing tags of ns/app (retry after 30 s)",
            hint: "wait and retry, or lower --concurrency", serverCode: "TOOMANYREQUESTS"),
        Failure(
            name: "truncated JSON", status: 200, body: #"{"name":"ns/app","tags":["b","#, code: .invalidResponse,
            message:
                "registry.example sent malformed JSON while listing tags of ns/app: not valid JSON (truncated or garbage?)",
            hint: malformedHint),
        Failure(
            name: "an HTML page", status: 200, body: "<html><body>Service Unavailable</body></html>",
            code: .invalidResponse,
            message:
                "registry.example sent malformed JSON while listing tags of ns/app: not valid JSON (truncated or garbage?)",
            hint: malformedHint),
        Failure(
            name: "tags of the wrong type", status: 200, body: #"{"name":"ns/app","tags":["b",7]}"#,
            code: .invalidResponse,
            message:
                "registry.example sent malformed JSON while listing tags of ns/app: at $.tags[1]: expected a string",
            hint: malformedHint),
    ]

    @Test(arguments: failures)
    func theFirstPageArrivesBeforeTheSecondPagesError(failure: Failure) async throws {
        let http = ScriptedHTTPClient([
            Registry.tagPage(Registry.tags, ["a"], next: Self.second),
            .init(.get, Self.second, status: failure.status, headers: failure.headers, body: failure.body),
        ])
        let (pages, error) = await Registry.drain(Registry.provider(http).tags(repository: "ns/app"))
        let failed = try #require(error as? RegistryError)
        #expect(pages.map { $0.map(\.name) } == [["a"]])
        #expect(failed.code == failure.code)
        #expect(failed.message == failure.message)
        #expect(failed.hint == failure.hint)
        #expect(failed.serverCode == failure.serverCode)
        #expect(failed.status == (failure.status == 200 ? nil : failure.status))
        #expect(http.requests.count == 2)
    }
}
