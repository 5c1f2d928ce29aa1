import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The ACR client behind a misbehaving proxy in front of the emulator: garbage, truncated and huge
/// answers, and 5xx that a read survives and a change does not retry.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct ACRClientFaultTests {
    /// A client of the shared emulator through a fault server with `rules`.
    private func client(_ rules: [String]) async throws -> (ACRClient, FaultServer) {
        let emulator = try await ACREmulator.shared()
        let proxy = try await FaultServer.start(upstream: emulator.url, rules: rules, preserveHost: true)
        let credential = AlibabaCredential(
            accessKeyID: emulator.key.id, accessKeySecret: emulator.key.secret, source: "test")
        let client = try ACRClient(
            region: "cn-hangzhou", endpoint: URL(string: proxy.url), credential: credential, http: CurlHTTPClient(),
            retry: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)))
        return (client, proxy)
    }

    private func listNamespaces(_ client: ACRClient) async throws -> [String] {
        let instance = try #require(try await ACREmulator.shared().instances.first).id
        let page: ACRNamespacePage = try await client.call(.listNamespace, ["InstanceId": instance, "PageSize": "100"])
        return page.Namespaces.map(\.NamespaceName)
    }

    /// Just the names of ListNamespace's answer.
    private struct ACRNamespacePage: Decodable {
        struct Entry: Decodable { var NamespaceName: String }
        var Namespaces: [Entry]
    }

    @Test func aReadSurvivesTransient5xxAndFailsClearlyWhenTheyPersist() async throws {
        let (flaky, flakyProxy) = try await client(["^POST /=status:503:2"])
        defer { flakyProxy.stop() }
        #expect(try await listNamespaces(flaky).contains("ns"))

        let (down, downProxy) = try await client(["^POST /=status:503:100"])
        defer { downProxy.stop() }
        let error = await #expect(throws: RegistryError.self) { try await listNamespaces(down) }
        #expect(error?.code == .server && error?.status == 503)
    }

    @Test func aChangeIsNotRetriedAfterA5xx() async throws {
        // One 500, then the proxy passes through: a retry would create the namespace.
        let (client, proxy) = try await client(["^POST /=status:500:1"])
        defer { proxy.stop() }
        let instance = try #require(try await ACREmulator.shared().instances.first).id
        let error = await #expect(throws: RegistryError.self) {
            try await client.perform(.createNamespace, ["InstanceId": instance, "NamespaceName": "never-created"])
        }
        #expect(error?.code == .server)
        #expect(try await !listNamespaces(client).contains("never-created"))
    }

    @Test func garbageTruncatedAndHugeAnswersAreInvalidResponses() async throws {
        for (rule, words) in [("garbage", "could not be read"), ("truncate", "cut short"), ("huge", "too large")] {
            let (client, proxy) = try await client(["^POST /=\(rule)"])
            defer { proxy.stop() }
            let error = await #expect(throws: RegistryError.self, "\(rule)") { try await listNamespaces(client) }
            #expect(error?.code == .invalidResponse, "\(rule): \(String(describing: error))")
            #expect(error?.message.contains(words) == true, "\(rule): \(String(describing: error))")
        }
    }
}
