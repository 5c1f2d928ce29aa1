import CurlHTTP
import Foundation
import RegistryClient
import TestSupport
import Testing

/// Sessions and providers over the ACR emulator, and error capture, for the ACR provider suites.
enum ACRTestSession {
    /// An `acr` entry pointing at the emulator.
    static func entry(
        _ emulator: ACREmulator, name: String = "acr", region: String = "cn-hangzhou", endpoint: Bool = true,
        instanceID: String? = nil, readOnly: Bool = false
    ) -> InstanceConfig {
        InstanceConfig(
            name: name, kind: .acr, region: region, instanceID: instanceID,
            endpoint: endpoint ? URL(string: emulator.url) : nil,
            readOnly: readOnly)
    }

    /// An `edition = "personal"` entry pointing at the emulator's Personal Edition API.
    static func personalEntry(
        _ emulator: ACREmulator, name: String = "mine", registry: String? = nil, readOnly: Bool = false
    ) -> InstanceConfig {
        InstanceConfig(
            name: name, kind: .acr, region: emulator.region, endpoint: URL(string: emulator.url), edition: .personal,
            registry: registry, readOnly: readOnly)
    }

    /// The Personal Edition provider of a session over `personalEntry`.
    static func personalProvider(
        _ emulator: ACREmulator, key: ACREmulator.Key? = nil, readOnly: Bool = false
    ) async throws -> any RegistryProvider {
        try await make(emulator, key: key, entries: [personalEntry(emulator, readOnly: readOnly)])
            .provider(for: "mine")
    }

    /// A session over `entries` (default: one entry for every instance) whose environment holds
    /// `key` (default: the main key) and a fresh, empty home.
    static func make(
        _ emulator: ACREmulator, key: ACREmulator.Key? = nil, entries: [InstanceConfig]? = nil
    ) throws -> RegistrySession {
        // Never created: an empty home, read but never written by these sessions.
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("acr-home-\(UUID().uuidString)")
        var environment = emulator.environment(key ?? emulator.key)
        environment["HOME"] = home.path
        return RegistrySession(
            config: Config(instances: entries ?? [entry(emulator)]), http: CurlHTTPClient(), environment: environment,
            content: ContentStore(directory: nil))
    }

    /// The provider of `acr.emulator-main`.
    static func mainProvider(
        _ emulator: ACREmulator, key: ACREmulator.Key? = nil
    ) async throws -> any RegistryProvider {
        try await make(emulator, key: key).provider(for: "acr.emulator-main")
    }

    /// The main instance's provider (read-only when asked) and its first repository by name, the
    /// one the emulator seeds builds and sync rules on.
    static func seeded(
        _ emulator: ACREmulator, key: ACREmulator.Key? = nil, readOnly: Bool = false
    ) async throws -> (any RegistryProvider, String) {
        let provider = try await make(emulator, key: key, entries: [entry(emulator, readOnly: readOnly)])
            .provider(for: "acr.emulator-main")
        let names = try await provider.repositories(namespace: nil).collect().map(\.name).sorted()
        return (provider, try #require(names.first))
    }

    /// Runs `body` and returns the `RegistryError` it threw, recording an issue when it threw none.
    static func registryError(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async -> RegistryError? {
        do {
            try await body()
            Issue.record("expected a RegistryError, but nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as RegistryError {
            return error
        } catch {
            Issue.record("expected a RegistryError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
