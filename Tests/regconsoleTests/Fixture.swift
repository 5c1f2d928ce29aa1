import Foundation
import TestSupport
import Testing

/// The shared registries plus a CLI runner whose config names them:
/// `local` (anonymous), `basic` and `bearer` (alice, full access), `reader` (bob, pull only).
struct Fixture {
    let state: HarnessState
    let cli: CLIRunner

    static func make(extraConfig: String = "") async throws -> Fixture {
        let state = try await RegistryHarness.shared()
        let cli = try CLIRunner(
            configTOML: """
                [[instances]]
                name = "local"
                url = "\(state.anonymous.url)"

                [[instances]]
                name = "basic"
                url = "\(state.basic.url)"
                username = "alice"
                password_env = "ALICE_PASSWORD"

                [[instances]]
                name = "bearer"
                url = "\(state.bearer.url)"
                username = "alice"
                password_env = "ALICE_PASSWORD"

                [[instances]]
                name = "reader"
                url = "\(state.bearer.url)"
                username = "bob"
                password_env = "BOB_PASSWORD"
                \(extraConfig)
                """)
        var runner = cli
        runner.environment["ALICE_PASSWORD"] = state.basic.password
        runner.environment["BOB_PASSWORD"] = state.bearer.readerPassword
        return Fixture(state: state, cli: runner)
    }

    /// Runs the CLI and requires exit status 0.
    @discardableResult
    func succeed(
        _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CLIRunner.Result {
        let result = try await cli.run(arguments)
        #expect(
            result.status == 0, "regconsole \(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)",
            sourceLocation: sourceLocation)
        return result
    }

    /// Runs the CLI with `--output json` and returns the array of objects.
    func jsonArray(
        _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [[String: Any]] {
        let result = try await succeed(arguments + ["--output", "json"], sourceLocation: sourceLocation)
        return try #require(try result.json() as? [[String: Any]], sourceLocation: sourceLocation)
    }

    /// The seeded tags of a repository that are images (not referrers-index tags).
    func seededImages(_ repository: String) throws -> [String: SeededTag] {
        try #require(state.seed.repositories[repository]).filter { $0.value.referrersIndex != true }
    }
}
