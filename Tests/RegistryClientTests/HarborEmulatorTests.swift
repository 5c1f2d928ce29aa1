import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Harbor emulator against its own self-test and against PyPI's `harbor-api-client`, whose
/// models must decode every answer.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
struct HarborEmulatorTests {
    /// Under CI a missing client fails the run; elsewhere (offline, or the SDK skipped in
    /// scripts/install-deps) the client tests are skipped.
    static let shouldRun = HarborEmulator.isClientInstalled || ProcessInfo.processInfo.environment["CI"] == "true"

    /// Records the failure CI needs when the client is missing; true when it can run.
    private func requireClient() -> Bool {
        guard HarborEmulator.isClientInstalled else {
            Issue.record(
                """
                harbor-api-client is not installed at \(ACRSDKCheck.pythonURL.path) \
                (the virtual environment with `import harbor_client`): run scripts/install-deps
                """)
            return false
        }
        return true
    }

    @Test func selfTestPasses() async throws {
        let report = try await HarborEmulator.selfTest()
        #expect(report.selfTest == "ok")
        #expect(report.failures == [])
    }

    @Test(.enabled(if: shouldRun, "needs harbor-api-client in .venv-acr; run scripts/install-deps"))
    func harborClientAcceptsTheEmulator() async throws {
        guard requireClient() else { return }
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        #expect(emulator.projects.contains("ns"))
        let report = try await emulator.runClientCheck()
        #expect(report.failures == [], "\(report.errorOutput)")
        #expect(report.exitCode == 0)
        let operations = [
            "get_ping", "get_system_info", "list_projects", "get_project", "get_project_summary",
            "list_repositories", "get_repository", "list_artifacts", "get_artifact", "scan_artifact",
            "get_vulnerabilities_addition", "delete_artifact", "list_tags", "create_tag", "delete_tag",
            "list_accessories", "create_immu_rule", "list_immu_rules", "update_immu_rule",
            "get_rentenition_metadata", "create_retention", "get_retention", "update_retention",
            "trigger_retention_execution", "list_retention_executions", "list_retention_tasks",
            "get_retention_task_log", "operate_retention_execution", "delete_retention", "delete_immu_rule",
            "delete_repository", "WrongPassword",
        ]
        #expect(report.checked == operations)
        #expect(report.checked.count == 32)
        #expect(try await emulator.schemaViolations() == [])
    }

    /// `/v2/` through the emulator answers as the registry itself does (the self-test covers the 401 of
    /// an anonymous caller: FoundationNetworking on Linux never completes a 401 Basic challenge).
    @Test func registryManifestThroughTheEmulator() async throws {
        let registry = try await RegistryHarness.shared().basic
        let emulator = try await HarborEmulator.start(registry: registry)
        defer { emulator.stop() }
        let path = "/v2/ns/app/manifests/1.10.0"
        let direct = try await Self.get(
            registry.url + path, user: registry.username ?? "", password: registry.password ?? "")
        let proxied = try await Self.get(emulator.url + path, user: emulator.username, password: emulator.password)
        #expect(direct.status == 200)
        #expect(proxied.status == 200)
        let digest = proxied.response.value(forHTTPHeaderField: "Docker-Content-Digest")
        #expect(digest?.hasPrefix("sha256:") == true)
        #expect(digest == direct.response.value(forHTTPHeaderField: "Docker-Content-Digest"))
        #expect(proxied.body == direct.body)
    }

    private static func get(
        _ url: String, user: String, password: String
    ) async throws -> (status: Int, response: HTTPURLResponse, body: Data) {
        guard let target = URL(string: url) else { throw TestSupportError("bad URL \(url)") }
        var request = URLRequest(url: target, timeoutInterval: 30)
        request.setValue(
            "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json",
            forHTTPHeaderField: "Accept")
        let credentials = Data("\(user):\(password)".utf8).base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestSupportError("no HTTP response from \(url)") }
        return (http.statusCode, http, data)
    }

    @Test(.enabled(if: shouldRun, "needs harbor-api-client in .venv-acr; run scripts/install-deps"))
    func harborClientWithAWrongPasswordIsRejected() async throws {
        guard requireClient() else { return }
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let report = try await emulator.runClientCheck(password: emulator.password + "x")
        #expect(report.exitCode == 1)
        // Only the anonymous ping and the script's own wrong-password check pass.
        #expect(report.checked == ["get_ping", "WrongPassword"])
        let listing = report.failures.first { $0.hasPrefix("list_projects:") }
        #expect(listing?.contains("(401)") == true, "\(report.failures)")
    }
}
