import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The libcurl client against a real (deliberately misbehaving) HTTP server on loopback.
@Suite(.serialized)
struct CurlHTTPClientTests {
    private static let server = Task { try await FaultServer.start() }
    private static let tlsServer = Task { try await FaultServer.start(tls: true) }

    private let fast = CurlHTTPClient(retryPolicy: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)))

    private func url(_ path: String) async throws -> URL {
        URL(string: try await Self.server.value.url + path)!
    }

    private func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }

    private func hits(_ key: String) async throws -> Int {
        let response = try await fast.send(HTTPRequest(url: try await url("/count/\(key)")))
        return try #require(try json(response)["count"] as? Int)
    }

    /// What the server recorded for a key: count, arrivals, maxInFlight, closedEarly.
    private func stats(_ key: String) async throws -> [String: Any] {
        try json(try await fast.send(HTTPRequest(url: try await url("/stats/\(key)"))))
    }

    /// Polls the server's stats until `done` holds or 10 s pass; returns the last stats.
    private func stats(_ key: String, until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(10)
        var current = try await stats(key)
        while !done(current), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            current = try await stats(key)
        }
        return current
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        let response = try await fast.send(HTTPRequest(url: try await url("/status/404")))
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/json")
        #expect(try json(response)["status"] as? Int == 404)
    }

    @Test func headHasNoBodyAndPutSendsOne() async throws {
        let head = try await fast.send(HTTPRequest(method: .head, url: try await url("/echo")))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        let put = try await fast.send(
            HTTPRequest(method: .put, url: try await url("/echo"), body: Data("twelve bytes".utf8)))
        let echoed = try json(put)
        #expect(echoed["method"] as? String == "PUT")
        #expect(echoed["bodyLength"] as? Int == 12)
    }

    @Test func idempotentRequestsAreRetriedOn503ThenSucceed() async throws {
        let key = UUID().uuidString
        let response = try await fast.send(HTTPRequest(url: try await url("/flaky/\(key)/2/503")))
        #expect(response.status == 200)
        #expect(try json(response)["attempts"] as? Int == 3)
    }

    @Test(arguments: [429, 502, 504])
    func otherTransientStatusesAreRetried(status: Int) async throws {
        let key = UUID().uuidString
        let response = try await fast.send(HTTPRequest(url: try await url("/flaky/\(key)/1/\(status)")))
        #expect(response.status == 200)
        #expect(try await hits("flaky/\(key)") == 2)
    }

    @Test func retriesStopAfterTheLimit() async throws {
        let key = UUID().uuidString
        let client = CurlHTTPClient(retryPolicy: RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(5)))
        let response = try await client.send(HTTPRequest(url: try await url("/flaky/\(key)/10/503")))
        #expect(response.status == 503)
        #expect(try await hits("flaky/\(key)") == 3)
    }

    @Test func postIsNeverRetried() async throws {
        let key = UUID().uuidString
        let response = try await fast.send(HTTPRequest(method: .post, url: try await url("/flaky/\(key)/1/503")))
        #expect(response.status == 503)
        #expect(try await hits("flaky/\(key)") == 1)
    }

    @Test func retryAfterIsHonoured() async throws {
        let key = UUID().uuidString
        let response = try await fast.send(HTTPRequest(url: try await url("/retry-after/\(key)/1")))
        #expect(response.status == 200)
        #expect(try json(response)["attempts"] as? Int == 2)
        // Measured by the server: the retry came at least the requested second after the 429.
        let arrivals = try #require(try await stats("retry-after/\(key)")["arrivals"] as? [Double])
        #expect(arrivals.count == 2)
        #expect(arrivals[1] - arrivals[0] >= 1.0, "the retry came \(arrivals[1] - arrivals[0]) s after the 429")
    }

    @Test func truncatedBodyIsAnErrorNotAShortAnswer() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await fast.send(HTTPRequest(url: try await url("/truncated")))
        }
        #expect(error?.kind == .truncated)
    }

    @Test func oversizedBodyIsRefused() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await fast.send(
                HTTPRequest(url: try await url("/huge/20"), maxResponseBytes: HTTPRequest.jsonLimit))
        }
        #expect(error?.kind == .bodyTooLarge)
        #expect(error?.detail.contains("16 MiB") == true)
    }

    @Test func stalledTransferTimesOut() async throws {
        var options = CurlHTTPClient.Options()
        options.lowSpeedLimit = LowSpeedLimit(bytesPerSecond: 512, window: .seconds(1))
        let client = CurlHTTPClient(options: options, retryPolicy: .none)
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await client.send(HTTPRequest(url: try await url("/stall")))
        }
        #expect(error?.kind == .timedOut)
    }

    @Test func aBodyDrippingBelowTheLowSpeedLimitIsAborted() async throws {
        // 2 bytes a second never ends under a 1 B/s stall limit; it is far below 512 B/s.
        var request = HTTPRequest(url: try await url("/drip/1000/500"))
        request.lowSpeedLimit = LowSpeedLimit(bytesPerSecond: 512, window: .seconds(1))
        request.timeout = .seconds(120)
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await CurlHTTPClient(retryPolicy: .none).send(request)
        }
        #expect(error?.kind == .timedOut)
    }

    @Test(arguments: ["/drip/1000/500", "/no-headers"])
    func aRequestFailsByItsDeadlineRetriesIncluded(path: String) async throws {
        var request = HTTPRequest(url: try await url(path))
        request.timeout = .seconds(2)
        // With the stall window out of the way only the deadline can end it: libcurl names which
        // limit fired ("timed out after N milliseconds", not "too slow"). Without the deadline it
        // would take 500 s of dripping, or wait for headers until the server gives up.
        request.lowSpeedLimit = LowSpeedLimit(bytesPerSecond: 1, window: .seconds(600))
        let client = CurlHTTPClient(retryPolicy: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)))
        let error = await #expect(throws: HTTPTransportError.self) { _ = try await client.send(request) }
        #expect(error?.kind == .timedOut)
        #expect(error?.detail.contains("timed out after") == true)
    }

    @Test func theDefaultDeadlineComesFromTheOptions() async throws {
        var options = CurlHTTPClient.Options()
        options.requestTimeout = .seconds(1)
        let client = CurlHTTPClient(options: options, retryPolicy: .none)
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await client.send(HTTPRequest(url: try await url("/no-headers")))
        }
        #expect(error?.kind == .timedOut)
    }

    @Test func connectionResetIsTransient() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await CurlHTTPClient(retryPolicy: .none).send(HTTPRequest(url: try await url("/reset")))
        }
        #expect(error?.kind == .connectionReset)
        #expect(error?.isTransient == true)
    }

    @Test func authorizationSurvivesSameHostRedirectOnly() async throws {
        let server = try await Self.server.value
        var sameHost = HTTPRequest(url: URL(string: server.url + "/redirect?to=/echo")!)
        sameHost.headers.set("Authorization", "Bearer secret-token")
        let kept = try json(try await fast.send(sameHost))
        #expect((kept["headers"] as? [String: String])?["authorization"] == "Bearer secret-token")

        var crossHost = HTTPRequest(url: URL(string: server.url + "/redirect?to=\(server.alternateURL)/echo")!)
        crossHost.headers.set("Authorization", "Bearer secret-token")
        let response = try await fast.send(crossHost)
        let dropped = try json(response)
        #expect(response.url.host == "localhost")
        #expect((dropped["headers"] as? [String: String])?["authorization"] == nil)
    }

    @Test func httpsToHTTPRedirectIsRefused() async throws {
        let key = UUID().uuidString
        let plain = try await url("/flaky/\(key)/0/200")
        let tls = try await Self.tlsServer.value
        let target = try #require(plain.absoluteString.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let redirect = try #require(URL(string: tls.url + "/redirect?to=" + target))
        var request = HTTPRequest(url: redirect, security: .insecure)
        request.headers.set("Authorization", "Bearer secret-token")
        let error = await #expect(throws: HTTPTransportError.self) { _ = try await fast.send(request) }
        #expect(error?.kind == .insecureRedirect)
        #expect(error?.detail.hasPrefix("refused a redirect from HTTPS to plain HTTP") == true)
        #expect(try await hits("flaky/\(key)") == 0)
    }

    @Test func redirectLoopsEnd() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await fast.send(HTTPRequest(url: try await url("/redirect-loop")))
        }
        #expect(error?.kind == .tooManyRedirects)
    }

    @Test func refusedConnectionAndUnknownHostAreNamed() async throws {
        let refused = await #expect(throws: HTTPTransportError.self) {
            _ = try await fast.send(HTTPRequest(url: URL(string: "http://127.0.0.1:1/v2/")!))
        }
        #expect(refused?.kind == .connectionRefused)
        #expect(refused?.host == "127.0.0.1")
        let unknown = await #expect(throws: HTTPTransportError.self) {
            _ = try await fast.send(HTTPRequest(url: URL(string: "http://no-such-registry.invalid/v2/")!))
        }
        #expect(unknown?.kind == .unknownHost)
    }

    @Test func connectionsAreReused() async throws {
        var ports: Set<Int> = []
        for _ in 0..<5 {
            let echoed = try json(try await fast.send(HTTPRequest(url: try await url("/echo"))))
            ports.insert(try #require(echoed["clientPort"] as? Int))
        }
        #expect(ports.count == 1)
    }

    @Test func manyTransfersRunAtOnce() async throws {
        let key = UUID().uuidString
        let target = try await url("/slow/2500/\(key)")
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 { group.addTask { try await fast.send(HTTPRequest(url: target)).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 40))
        // Seen by the server: as many at once as the per-host connection limit allows.
        let seen = try await stats("slow/\(key)")
        #expect(seen["count"] as? Int == 40)
        #expect(seen["maxInFlight"] as? Int == CurlHTTPClient.Options().maxConnectionsPerHost)
    }

    @Test func cancellingTheTaskCancelsTheTransfer() async throws {
        let key = UUID().uuidString
        let target = try await url("/slow/30000/\(key)")
        let client = fast
        let task = Task { try await client.send(HTTPRequest(url: target)) }
        let arrived = try await stats("slow/\(key)") { $0["count"] as? Int == 1 }
        #expect(arrived["count"] as? Int == 1)
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        // The server saw the connection close long before its answer was due.
        let closed = try await stats("slow/\(key)") { $0["closedEarly"] as? Int == 1 }
        #expect(closed["closedEarly"] as? Int == 1)
    }

    @Test func aCABundleFromTheOptionsIsTrusted() async throws {
        let server = try await HostileRegistry.start(.token, tls: true)
        defer { server.stop() }
        var options = CurlHTTPClient.Options()
        options.caFile = server.certificate
        let client = CurlHTTPClient(options: options, retryPolicy: .none)
        let response = try await client.send(HTTPRequest(url: URL(string: server.url + "/token")!))
        #expect(response.status == 200)
    }

    @Test func tlsIsVerifiedUnlessInsecure() async throws {
        let server = try await Self.tlsServer.value
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await CurlHTTPClient(retryPolicy: .none).send(
                HTTPRequest(url: URL(string: server.url + "/status/200")!))
        }
        #expect(error?.kind == .tlsFailure)
        let insecure = try await fast.send(
            HTTPRequest(url: URL(string: server.url + "/status/200")!, security: .insecure))
        #expect(insecure.status == 200)
    }
}
