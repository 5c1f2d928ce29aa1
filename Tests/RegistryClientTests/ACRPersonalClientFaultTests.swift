import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// The Personal Edition client behind a misbehaving proxy in front of the emulator: garbage,
/// truncated and huge answers, and 5xx that a read survives and a change does not retry.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct ACRPersonalClientFaultTests {
    /// A client of the shared emulator through a fault server with `rules`.
    private func client(_ rules: [String]) async throws -> (ACRPersonalClient, FaultServer) {
        let emulator = try await ACREmulator.shared()
        let proxy = try await FaultServer.start(upstream: emulator.url, rules: rules, preserveHost: true)
        let credential = AlibabaCredential(
            accessKeyID: emulator.key.id, accessKeySecret: emulator.key.secret, source: "test")
        let client = try ACRPersonalClient(
            region: "cn-hangzhou", endpoint: URL(string: proxy.url), credential: credential, http: CurlHTTPClient(),
            retry: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)))
        return (client, proxy)
    }

    /// Just the names of GetNamespaceList's `data`.
    private struct NamespaceList: Decodable {
        struct Entry: Decodable { var namespace: String }
        var namespaces: [Entry]
    }

    private func listNamespaces(_ client: ACRPersonalClient) async throws -> [String] {
        let list: NamespaceList = try await client.call(ACRPersonalRequest("GetNamespaceList", path: ["namespace"]))
        return list.namespaces.map(\.namespace)
    }

    @Test func aReadSurvivesTransient5xxAndFailsClearlyWhenTheyPersist() async throws {
        let (flaky, flakyProxy) = try await client(["^GET /namespace=status:503:2"])
        defer { flakyProxy.stop() }
        #expect(try await listNamespaces(flaky).contains("ns"))

        let (down, downProxy) = try await client(["^GET /namespace=status:503:100"])
        defer { downProxy.stop() }
        let error = await #expect(throws: RegistryError.self) { try await listNamespaces(down) }
        #expect(error?.code == .server && error?.status == 503)
        #expect(error?.message.contains("ACR GetNamespaceList in cn-hangzhou failed on the server") == true)
    }

    @Test func aChangeIsNotRetriedAfterA5xx() async throws {
        // One 500, then the proxy passes through: a retry would create the namespace.
        let (client, proxy) = try await client(["^PUT /namespace=status:500:1"])
        defer { proxy.stop() }
        let error = await #expect(throws: RegistryError.self) {
            try await client.perform(
                try ACRPersonalRequest(
                    "CreateNamespace", .put, path: ["namespace"], wrapper: "Namespace",
                    fields: ["Namespace": "never-created"]))
        }
        #expect(error?.code == .server)
        #expect(try await !listNamespaces(client).contains("never-created"))
    }

    @Test func garbageTruncatedAndHugeAnswersAreInvalidResponses() async throws {
        for (rule, words) in [("garbage", "could not be read"), ("truncate", "cut short"), ("huge", "too large")] {
            let (client, proxy) = try await client(["^GET /namespace=\(rule)"])
            defer { proxy.stop() }
            let error = await #expect(throws: RegistryError.self, "\(rule)") { try await listNamespaces(client) }
            #expect(error?.code == .invalidResponse, "\(rule): \(String(describing: error))")
            #expect(error?.message.contains(words) == true, "\(rule): \(String(describing: error))")
        }
    }

    @Test func anAnswerWithoutDataNamesTheMissingField() async throws {
        let (client, proxy) = try await client([#"^GET /namespace=body:{"requestId":"r-1"}"#])
        defer { proxy.stop() }
        let error = await #expect(throws: RegistryError.self) { try await listNamespaces(client) }
        #expect(error?.code == .invalidResponse)
        #expect(error?.message.contains("GetNamespaceList could not be read") == true)
        #expect(error?.message.contains("data") == true, "\(String(describing: error))")
        #expect(error?.hint?.contains("Personal Edition's API") == true)
    }
}
