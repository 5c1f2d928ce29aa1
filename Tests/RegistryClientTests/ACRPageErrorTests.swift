import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// An ACR list action whose second page fails: the first page's items are delivered, then the
/// error of that page, after the retries the answer allows.
struct ACRPageErrorTests {
    private static let endpoint = "https://cr.example"

    /// Just the names of ListNamespace's items.
    private struct Entry: Decodable, Sendable {
        var NamespaceName: String
    }

    private func page(_ number: Int) -> String {
        Self.endpoint + "/?InstanceId=cri-1&PageNo=\(number)&PageSize=2"
    }

    private func listing(
        _ script: [ScriptedHTTPClient.Exchange]
    ) async throws -> (ScriptedHTTPClient, [[String]], RegistryError) {
        let http = ScriptedHTTPClient(
            [
                .init(
                    .post, page(1),
                    body:
                        #"{"Code":"success","IsSuccess":true,"TotalCount":"5","Namespaces":[{"NamespaceName":"a"},{"NamespaceName":"b"}]}"#
                )
            ] + script)
        let credential = AlibabaCredential(accessKeyID: "LTAI5tExample", accessKeySecret: "secret", source: "the test")
        let client = try ACRClient(
            region: "cn-hangzhou", endpoint: URL(string: Self.endpoint), credential: credential, http: http,
            retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(1)))
        let stream: AsyncThrowingStream<[Entry], any Error> = client.pages(
            .listNamespace, ["InstanceId": "cri-1"], itemsKey: "Namespaces", pageSize: 2, concurrency: 1)
        let (pages, error) = await ScriptedRegistry.drain(stream)
        return (http, pages.map { $0.map(\.NamespaceName) }, try #require(error as? RegistryError))
    }

    @Test func aSecondPageThrottledPastTheRetriesFailsAfterTheFirstPage() async throws {
        let throttled = ScriptedHTTPClient.Exchange(
            .post, page(2), status: 400, body: #"{"Code":"Throttling.User","Message":"flow control","RequestId":"R2"}"#)
        let (http, pages, error) = try await listing([throttled, throttled])
        #expect(pages == [["a", "b"]])
        #expect(error.code == .rateLimited)
        #expect(
            error.message
                == "ACR ListNamespace in cn-hangzhou is throttled (Throttling.User: flow control (RequestId R2))")
        #expect(http.requests.count == 3)
        #expect(http.remaining == 0)
    }

    @Test func aSecondPageCutShortIsAnInvalidResponse() async throws {
        let (http, pages, error) = try await listing([
            .init(.post, page(2), body: #"{"Code":"success","IsSuccess":true,"TotalCount":"5","Namespaces":[{"Namesp"#)
        ])
        #expect(pages == [["a", "b"]])
        #expect(error.code == .invalidResponse)
        #expect(
            error.message == "ACR's answer to ListNamespace could not be read: not valid JSON (truncated or garbage?)")
        #expect(
            error.hint
                == "the endpoint cr.example may not be ACR Enterprise's OpenAPI (cr.<region>.aliyuncs.com), or a proxy changed the answer"
        )
        #expect(http.requests.count == 2)
    }

    @Test func aSecondPageWithAnUnexpectedItemShapeNamesTheField() async throws {
        let (_, pages, error) = try await listing([
            .init(
                .post, page(2),
                body: #"{"Code":"success","IsSuccess":true,"TotalCount":"5","Namespaces":[{"NamespaceName":7}]}"#)
        ])
        #expect(pages == [["a", "b"]])
        #expect(error.code == .invalidResponse)
        #expect(
            error.message
                == "ACR's answer to ListNamespace could not be read: at $.Namespaces[0].NamespaceName: expected a string"
        )
    }
}
