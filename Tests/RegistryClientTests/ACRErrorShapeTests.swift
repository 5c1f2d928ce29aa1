import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// The errors the ACR OpenAPI client makes of Alibaba Cloud's error answers, played by a scripted
/// HTTP double: which code, message and hint the user sees, and which answers are retried.
struct ACRErrorShapeTests {
    private static let endpoint = "https://cr.example"
    private static let key = "the AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID"

    /// One error answer to one action and what the user is told.
    struct Shape: Sendable, CustomTestStringConvertible {
        var name: String
        var action: ACRAction = .listNamespace
        var status: Int
        var body: String
        var code: RegistryError.Code
        var message: String
        var hint: String?
        var serverCode: String?
        /// Requests made: 2 when the answer is retried once.
        var requests = 1

        var testDescription: String { name }
    }

    private static func envelope(_ code: String, _ message: String, extra: String = "") -> String {
        #"{"Code":"\#(code)","Message":"\#(message)","RequestId":"6A1D-R"\#(extra)}"#
    }

    private static let badGateway =
        "<html><head><title>502 Bad Gateway</title></head><body><center>Tengine</center></body></html>"

    static let shapes: [Shape] = [
        Shape(
            name: "Forbidden.RAM", status: 403,
            body: envelope("Forbidden.RAM", "User not authorized to operate on the specified resource."),
            code: .denied,
            message: "\(key) lacks the RAM permission cr:ListNamespace "
                + "(Forbidden.RAM: User not authorized to operate on the specified resource. (RequestId 6A1D-R))",
            hint: "grant cr:ListNamespace to the RAM user, or attach AliyunContainerRegistryReadOnlyAccess",
            serverCode: "Forbidden.RAM"),
        Shape(
            name: "NoPrivilege with AccessDeniedDetail on a change", action: .deleteRepoTag, status: 403,
            body: envelope(
                "NoPrivilege", "Access denied for this user",
                extra:
                    #","AccessDeniedDetail":{"AuthAction":"cr:DeleteRepoTag","NoPermissionType":"ImplicitDeny","PolicyType":"AccountLevelIdentityBasedPolicy"}"#
            ),
            code: .denied,
            message:
                "\(key) lacks the RAM permission cr:DeleteRepoTag (NoPrivilege: Access denied for this user (RequestId 6A1D-R))",
            hint: "grant cr:DeleteRepoTag to the RAM user, or attach AliyunContainerRegistryFullAccess "
                + "(ImplicitDeny by AccountLevelIdentityBasedPolicy)",
            serverCode: "NoPrivilege"),
        Shape(
            name: "Throttling.User", status: 400,
            body: envelope("Throttling.User", "Request was denied due to user flow control."),
            code: .rateLimited,
            message:
                "ACR ListNamespace in cn-hangzhou is throttled (Throttling.User: Request was denied due to user flow control. (RequestId 6A1D-R))",
            hint: "wait a minute and retry, or raise the account's API quota", serverCode: "Throttling.User",
            requests: 2),
        Shape(
            name: "Throttling.User on a change", action: .deleteRepoTag, status: 400,
            body: envelope("Throttling.User", "Request was denied due to user flow control."), code: .rateLimited,
            message:
                "ACR DeleteRepoTag in cn-hangzhou is throttled (Throttling.User: Request was denied due to user flow control. (RequestId 6A1D-R))",
            hint: "wait a minute and retry, or raise the account's API quota", serverCode: "Throttling.User",
            requests: 2),
        Shape(
            name: "InvalidAccessKeyId.NotFound", status: 404,
            body: envelope("InvalidAccessKeyId.NotFound", "Specified access key is not found."),
            code: .unauthorized,
            message: "ACR ListNamespace in cn-hangzhou rejected \(key): unknown or disabled AccessKey ID "
                + "(InvalidAccessKeyId.NotFound: Specified access key is not found. (RequestId 6A1D-R))",
            hint: "check the key id in the RAM console; is it the right account?",
            serverCode: "InvalidAccessKeyId.NotFound"),
        Shape(
            name: "SignatureDoesNotMatch", status: 400,
            body: envelope("SignatureDoesNotMatch", "Specified signature is not matched with our calculation."),
            code: .unauthorized,
            message: "ACR ListNamespace in cn-hangzhou rejected the signature made with \(key) "
                + "(SignatureDoesNotMatch: Specified signature is not matched with our calculation. (RequestId 6A1D-R))",
            hint: "check the AccessKey secret (it must belong to the key id), and that no proxy rewrites the request",
            serverCode: "SignatureDoesNotMatch"),
        Shape(
            name: "an HTML 502 page to a read", status: 502, body: badGateway, code: .server,
            message: "ACR ListNamespace in cn-hangzhou failed on the server (502 not an ACR error answer)",
            hint: "retry later; Alibaba Cloud's status page may show an incident", requests: 2),
        Shape(
            name: "an HTML 502 page to a change", action: .deleteRepoTag, status: 502, body: badGateway, code: .server,
            message: "ACR DeleteRepoTag in cn-hangzhou failed on the server (502 not an ACR error answer)",
            hint: "retry later; Alibaba Cloud's status page may show an incident"),
        Shape(
            name: "an HTML 403 page", status: 403, body: "<html><body>Access blocked by the firewall</body></html>",
            code: .denied,
            message: "ACR ListNamespace in cn-hangzhou was denied for \(key) (not an ACR error answer)",
            hint: "grant cr:ListNamespace to the RAM user"),
        Shape(
            name: "200 with IsSuccess false and a not-found code", status: 200,
            body: envelope("NAMESPACE_NOT_EXIST", "namespace not exist", extra: #","IsSuccess":false"#),
            code: .notFound,
            message: "ACR ListNamespace in cn-hangzhou: NAMESPACE_NOT_EXIST: namespace not exist (RequestId 6A1D-R)",
            hint: "refresh the list; it may have been deleted", serverCode: "NAMESPACE_NOT_EXIST"),
        Shape(
            name: "200 with IsSuccess false and an unknown code", status: 200,
            body: envelope("SystemError", "unknown error", extra: #","IsSuccess":false"#), code: .server,
            message:
                "ACR ListNamespace in cn-hangzhou answered IsSuccess=false (SystemError: unknown error (RequestId 6A1D-R))",
            hint: "retry; if it persists, check the instance in the ACR console", serverCode: "SystemError"),
    ]

    private func client(_ http: ScriptedHTTPClient) throws -> ACRClient {
        let credential = AlibabaCredential(
            accessKeyID: "LTAI5tExample", accessKeySecret: "secret", source: "ALIBABA_CLOUD_ACCESS_KEY_ID")
        return try ACRClient(
            region: "cn-hangzhou", endpoint: URL(string: Self.endpoint), credential: credential, http: http,
            retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(1)))
    }

    private func parameters(_ action: ACRAction) -> (ACRParameters, String) {
        action == .deleteRepoTag
            ? (["InstanceId": "cri-1", "RepoId": "crr-1", "Tag": "v1"], "/?InstanceId=cri-1&RepoId=crr-1&Tag=v1")
            : (["InstanceId": "cri-1"], "/?InstanceId=cri-1")
    }

    @Test(arguments: shapes)
    func anErrorAnswerTellsTheUserWhatToFix(shape: Shape) async throws {
        let (parameters, query) = parameters(shape.action)
        let answer = ScriptedHTTPClient.Exchange(
            shape.action.method, Self.endpoint + query,
            checks: [.present("Authorization"), .equals("x-acs-action", shape.action.rawValue)],
            status: shape.status, body: shape.body)
        let http = ScriptedHTTPClient(Array(repeating: answer, count: shape.requests))
        let error = await #expect(throws: RegistryError.self) {
            try await client(http).perform(shape.action, parameters)
        }
        #expect(error?.code == shape.code)
        #expect(error?.message == shape.message)
        #expect(error?.hint == shape.hint)
        #expect(error?.status == shape.status)
        #expect(error?.serverCode == shape.serverCode)
        #expect(http.requests.count == shape.requests)
        #expect(http.remaining == 0)
    }

    @Test func aThrottledCallIsRetriedWithAFreshNonce() async throws {
        let throttled = ScriptedHTTPClient.Exchange(
            .post, Self.endpoint + "/?InstanceId=cri-1", status: 400, headers: ["x-acs-retry-after": "0"],
            body: Self.envelope("Throttling.User", "Request was denied due to user flow control."))
        let http = ScriptedHTTPClient([
            throttled, throttled.answering(status: 200, body: #"{"Code":"success","IsSuccess":true,"RequestId":"R2"}"#),
        ])
        try await client(http).perform(.listNamespace, ["InstanceId": "cri-1"])
        let nonces = http.requests.map { $0.headers["x-acs-signature-nonce"] }
        #expect(nonces.count == 2)
        #expect(nonces.allSatisfy { $0?.count == 32 })
        #expect(nonces[0] != nonces[1])
    }

    /// Today only `IsSuccess: false` marks a 2xx as failed: an error `Code` without it passes.
    @Test func aSuccessStatusWithAnErrorCodeButNoIsSuccessIsTakenAsSuccess() async throws {
        let http = ScriptedHTTPClient([
            .init(
                .post, Self.endpoint + "/?InstanceId=cri-1",
                body: Self.envelope("Forbidden.RAM", "User not authorized to operate on the specified resource."))
        ])
        try await client(http).perform(.listNamespace, ["InstanceId": "cri-1"])
        #expect(http.requests.count == 1)
    }
}
