import Foundation
import TestSupport
import Testing

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
            "get_vulnerabilities_addition", "delete_artifact", "WrongPassword",
        ]
        #expect(report.checked == operations)
        #expect(report.checked.count == 13)
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
