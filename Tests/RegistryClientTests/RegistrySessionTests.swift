import Foundation
import TestSupport
import Testing

@testable import RegistryClient

/// The session's provider cache under concurrent askers, with a scripted HTTP double for the host.
struct RegistrySessionTests {
    /// Answers after a pause, so that every concurrent asker reaches the session while the first
    /// making is still waiting for the server.
    private struct SlowHTTPClient: HTTPClient {
        let script: ScriptedHTTPClient

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            try await Task.sleep(for: .milliseconds(200))
            return try await script.send(request)
        }
    }

    @Test func concurrentAsksForOneHostShareOneProvider() async throws {
        // A loopback host is asked once whether it speaks plain HTTP; a second ask fails the script.
        let http = ScriptedHTTPClient([
            .init(.get, "http://127.0.0.1:9/v2/", headers: ["Docker-Distribution-Api-Version": "registry/2.0"])
        ])
        let session = RegistrySession(
            config: Config(), http: SlowHTTPClient(script: http), environment: ["HOME": NSTemporaryDirectory()],
            content: ContentStore(directory: nil))
        let providers = try await withThrowingTaskGroup(of: (any RegistryProvider).self) { group in
            for _ in 0..<20 { group.addTask { try await session.provider(for: "127.0.0.1:9") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Each provider owns its authenticator, so one authenticator means one provider.
        let authenticators = providers.compactMap { ($0 as? DistributionProvider)?.api.authenticator }
        #expect(authenticators.count == 20)
        let first = try #require(authenticators.first)
        #expect(authenticators.allSatisfy { $0 === first })
        #expect(providers.allSatisfy { $0.instance.url?.absoluteString == "http://127.0.0.1:9" })
        #expect(http.requests.count == 1)
    }

    @Test func aLocatorThatIsNeitherInstanceNorHostFailsEveryTime() async throws {
        let session = RegistrySession(
            config: Config(), http: ScriptedHTTPClient([]), environment: ["HOME": NSTemporaryDirectory()],
            content: ContentStore(directory: nil))
        for _ in 0..<2 {
            let error = await #expect(throws: RegistryError.self) { _ = try await session.provider(for: "nowhere") }
            #expect(error?.code == .invalidReference)
        }
    }
}
