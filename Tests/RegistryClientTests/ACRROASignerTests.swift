import Foundation
import Testing

@testable import RegistryClient

/// The Personal Edition's legacy ROA signature against the known answers of Alibaba's ROA
/// utilities and of requests the official SDK signed.
@Suite struct ACRROASignerTests {
    private static func signer(_ secret: String, token: String? = nil) -> ACRROASigner {
        ACRROASigner(
            credential: AlibabaCredential(
                accessKeyID: "testid", accessKeySecret: secret, securityToken: token, source: "test"))
    }

    private static let date = "Thu, 06 Feb 2020 07:32:54 GMT"

    @Test func anEmptyRequestMatchesTheROAUtilitiesAnswer() {
        let text = ACRROASigner.stringToSign(method: .get, path: "", query: [], headers: [:])
        #expect(text == "GET\n\n\n\n\n")
        #expect(ACRROASigner.signature(of: text, secret: "secret") == "XGXDWA78AEvx/wmfxKoVCq/afWw=")
    }

    @Test func getRepoTagsMatchesTheSDKsSignature() {
        let headers = [
            "Accept": "application/json", "Date": Self.date, "x-acs-action": "GetRepoTags",
            "x-acs-signature-nonce": "3d8a1c9e0b7f4a2c9d6e5f4a3b2c1d0e", "x-acs-version": "2016-06-07",
        ]
        let query = [("PageSize", "30"), ("Page", "1")]
        let signed = Self.signer("testsecret").sign(
            method: .get, path: "/repos/my-ns/my-repo/tags", query: query, headers: headers)
        #expect(signed["Authorization"] == "acs testid:kjEPAYJnHePbfrU7Tpjo08gfDqw=")
        #expect(signed["x-acs-signature-method"] == "HMAC-SHA1")
        #expect(
            ACRROASigner.stringToSign(
                method: .get, path: "/repos/my-ns/my-repo/tags", query: query,
                headers: Dictionary(uniqueKeysWithValues: headers.map { ($0.key.lowercased(), $0.value) }).merging(
                    ["x-acs-signature-method": "HMAC-SHA1", "x-acs-signature-version": "1.0"]) { $1 })
                    == """
                    GET
                    application/json


                    Thu, 06 Feb 2020 07:32:54 GMT
                    x-acs-action:GetRepoTags
                    x-acs-signature-method:HMAC-SHA1
                    x-acs-signature-nonce:3d8a1c9e0b7f4a2c9d6e5f4a3b2c1d0e
                    x-acs-signature-version:1.0
                    x-acs-version:2016-06-07
                    /repos/my-ns/my-repo/tags?Page=1&PageSize=30
                    """)
    }

    @Test func aBodyRequestSignsItsContentType() {
        let headers = [
            "accept": "application/json", "date": Self.date, "content-type": "application/json; charset=utf-8",
            "x-acs-action": "CreateRepo", "x-acs-signature-nonce": "9b1f0c2d3e4a5b6c7d8e9f0a1b2c3d4e",
            "x-acs-version": "2016-06-07",
        ]
        let signed = Self.signer("testsecret").sign(method: .put, path: "/repos", query: [], headers: headers)
        #expect(signed["Authorization"] == "acs testid:abtr2E9rWtw7Fw19YdiGtRly8LU=")
    }

    @Test func theResourceSortsAndKeepsValuesUnencoded() {
        #expect(ACRROASigner.canonicalResource(path: "/repos/a%20b", query: []) == "/repos/a%20b")
        #expect(
            ACRROASigner.canonicalResource(path: "/x", query: [("b", "x y"), ("a", ""), ("Status", "NORMAL")])
                == "/x?Status=NORMAL&a&b=x y")
    }

    @Test func anSTSTokenIsSigned() {
        let headers = ["accept": "application/json", "date": Self.date, "x-acs-action": "GetNamespaceList"]
        let plain = Self.signer("s").sign(method: .get, path: "/namespace", query: [], headers: headers)
        let sts = Self.signer("s", token: "token-1").sign(method: .get, path: "/namespace", query: [], headers: headers)
        #expect(sts["x-acs-security-token"] == "token-1")
        #expect(sts["Authorization"] != plain["Authorization"])
    }
}

/// Personal Edition requests as they go on the wire: encoded paths, the query in order, the
/// wrapped JSON body, and the signature the SDK would put on them.
@Suite struct ACRPersonalRequestTests {
    private static let signer = ACRROASigner(
        credential: AlibabaCredential(accessKeyID: "testid", accessKeySecret: "testsecret", source: "test"))
    private static let date = Date(timeIntervalSince1970: 1_580_974_374)  // Thu, 06 Feb 2020 07:32:54 GMT

    @Test func getRepoTagsIsSignedAsTheSDKSignsIt() throws {
        let request = try ACRPersonalRequest(
            "GetRepoTags", path: ["repos", "my-ns", "my-repo", "tags"], query: [("PageSize", "30"), ("Page", "1")]
        ).signed(
            endpoint: try #require(URL(string: "http://127.0.0.1:8080/")), signer: Self.signer, date: Self.date,
            nonce: "3d8a1c9e0b7f4a2c9d6e5f4a3b2c1d0e")
        #expect(request.url.absoluteString == "http://127.0.0.1:8080/repos/my-ns/my-repo/tags?PageSize=30&Page=1")
        #expect(request.headers["date"] == "Thu, 06 Feb 2020 07:32:54 GMT")
        #expect(request.headers["Authorization"] == "acs testid:kjEPAYJnHePbfrU7Tpjo08gfDqw=")
        #expect(request.method == .get && request.body == nil && request.security == .insecure)
    }

    @Test func createRepoWrapsItsBodyAndSignsTheContentType() throws {
        let request = try ACRPersonalRequest(
            "CreateRepo", .put, path: ["repos"], wrapper: "Repo",
            fields: ["RepoNamespace": "my-ns", "RepoName": "my-repo", "RepoType": "PRIVATE"]
        ).signed(
            endpoint: try #require(URL(string: "https://cr.cn-hangzhou.aliyuncs.com")), signer: Self.signer,
            date: Self.date, nonce: "9b1f0c2d3e4a5b6c7d8e9f0a1b2c3d4e")
        #expect(request.headers["Authorization"] == "acs testid:abtr2E9rWtw7Fw19YdiGtRly8LU=")
        #expect(
            request.body.map { String(decoding: $0, as: UTF8.self) }
                == #"{"Repo":{"RepoName":"my-repo","RepoNamespace":"my-ns","RepoType":"PRIVATE"}}"#)
        #expect(request.url.absoluteString == "https://cr.cn-hangzhou.aliyuncs.com/repos")
    }

    @Test func pathSegmentsAreEncodedOneByOne() {
        let request = ACRPersonalRequest("GetRepoTag", path: ["repos", "ns", "a b", "tags", "v1/../x"])
        #expect(request.path == "/repos/ns/a%20b/tags/v1%2F..%2Fx")
    }
}
