import Foundation
import RegistryClient
import Testing

struct HTTPPolicyTests {
    private let base = URL(string: "http://127.0.0.1:5000/v2/_catalog?n=2")!

    @Test func relativeLinkIsResolvedAgainstTheResponse() {
        let headers: HTTPHeaders = ["Link": #"</v2/_catalog?last=ns%2Fapp&n=2>; rel="next""#]
        #expect(
            LinkHeader.next(in: headers, relativeTo: base)?.absoluteString
                == "http://127.0.0.1:5000/v2/_catalog?last=ns%2Fapp&n=2")
    }

    @Test func onlyTheNextRelationCounts() {
        let headers: HTTPHeaders = ["Link": #"</p?page=1>; rel="prev" , </p?page=3>; rel="next""#]
        #expect(LinkHeader.next(in: headers, relativeTo: base)?.absoluteString == "http://127.0.0.1:5000/p?page=3")
        #expect(LinkHeader.next(in: ["Link": #"</p?page=1>; rel="prev""#], relativeTo: base) == nil)
        #expect(LinkHeader.next(in: [:], relativeTo: base) == nil)
    }

    @Test func originsCompareSchemeHostAndPortWithDefaults() throws {
        let origin = try #require(URLOrigin(URL(string: "https://Registry.Example/v2/")!))
        #expect(origin == URLOrigin(URL(string: "https://registry.example:443/v2/_catalog?n=1")!))
        #expect(origin != URLOrigin(URL(string: "https://registry.example:8443/v2/")!))
        #expect(origin != URLOrigin(URL(string: "http://registry.example:443/v2/")!))
        #expect(origin.description == "https://registry.example:443")
        #expect(URLOrigin(URL(string: "http://127.0.0.1/")!)?.port == 80)
        #expect(URLOrigin(URL(string: "ftp://registry.example/")!) == nil)
        #expect(URLOrigin(URL(string: "/v2/_catalog")!) == nil)
        let plain = try #require(URLOrigin(URL(string: "http://registry.example/")!))
        #expect(origin.isDowngrade(to: plain))
        #expect(!plain.isDowngrade(to: origin))
    }

    @Test func transportFailuresSayWhatHappened() {
        let redirect = RegistryErrorMapper.map(
            HTTPTransportError(kind: .insecureRedirect, host: "registry.example", detail: "refused"),
            operation: "listing tags of a")
        #expect(redirect.code == .tls)
        #expect(
            redirect.message
                == "registry.example redirected listing tags of a from HTTPS to plain HTTP, which is never followed")
        let timeout = RegistryErrorMapper.map(
            HTTPTransportError(
                kind: .timedOut, host: "registry.example", detail: "Operation timed out after 2000 milliseconds"),
            operation: "listing tags of a")
        #expect(timeout.code == .timeout)
        #expect(
            timeout.message
                == "registry.example did not answer in time while listing tags of a (Operation timed out after 2000 milliseconds)"
        )
        #expect(
            timeout.hint?.hasSuffix("request_timeout and blob_timeout under [limits] in the config set the deadlines")
                == true)
    }

    private func response(_ status: Int, _ headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, url: base)
    }

    @Test func retryAfterSecondsAndDatesAreHonoured() {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(30))
        #expect(policy.delay(after: response(429, ["Retry-After": "7"]), method: .get, attempt: 0) == .seconds(7))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let date = "Tue, 14 Nov 2023 22:13:30 GMT"  // 10 s after `now`
        #expect(
            policy.delay(after: response(503, ["Retry-After": date]), method: .get, attempt: 0, now: now)
                == .seconds(10))
        #expect(
            policy.delay(after: response(503, ["x-acs-retry-after": "1500"]), method: .get, attempt: 0)
                == .milliseconds(1500))
    }

    @Test func noRetryWhenTheServerAsksTooMuchOrTheMethodIsNotIdempotent() {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(30))
        #expect(policy.delay(after: response(429, ["Retry-After": "3600"]), method: .get, attempt: 0) == nil)
        #expect(policy.delay(after: response(503), method: .post, attempt: 0) == nil)
        #expect(policy.delay(after: response(500), method: .get, attempt: 0) == nil)
        #expect(policy.delay(after: response(503), method: .get, attempt: 3) == nil)
    }

    @Test func backoffGrowsWithJitterBounds() throws {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(30))
        let first = try #require(policy.delay(after: response(502), method: .head, attempt: 0))
        let third = try #require(policy.delay(after: response(502), method: .head, attempt: 2))
        #expect(first >= .milliseconds(80) && first <= .milliseconds(120))
        #expect(third >= .milliseconds(320) && third <= .milliseconds(480))
        let reset = HTTPTransportError(kind: .connectionReset, host: "h", detail: "reset")
        #expect(policy.delay(after: reset, method: .put, attempt: 0) != nil)
        #expect(
            policy.delay(after: HTTPTransportError(kind: .unknownHost, host: "h", detail: ""), method: .get, attempt: 0)
                == nil)
    }

    @Test func headersAreCaseInsensitiveAndOrdered() {
        var headers = HTTPHeaders()
        headers.add("WWW-Authenticate", "Basic realm=a")
        headers.add("www-authenticate", "Bearer realm=b")
        #expect(headers["Www-Authenticate"] == "Basic realm=a")
        #expect(headers.values("WWW-AUTHENTICATE") == ["Basic realm=a", "Bearer realm=b"])
        headers.set("Www-Authenticate", "x")
        #expect(headers.values("www-authenticate") == ["x"])
    }
}
