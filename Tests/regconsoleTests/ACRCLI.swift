import Foundation
import RegistryClient
import TestSupport
import Testing

/// The shared fixture's CLI with an `acr` entry for one emulator and an AccessKey in its environment.
struct ACRCLI {
    let fixture: Fixture
    let cli: CLIRunner
    let emulator: ACREmulator
    /// Every secret the emulator knows plus the one in use: none may appear in any output.
    let secrets: [String]

    /// `settings` are added to the `acr` entry (`production = true`, `read_only = true`);
    /// `extraConfig` (more instances) follows it.
    static func make(
        _ emulator: ACREmulator, key: ACREmulator.Key? = nil, settings: String = "", extraConfig: String = ""
    ) async throws -> ACRCLI {
        let fixture = try await Fixture.make(
            extraConfig: """

                [[instances]]
                name = "acr"
                kind = "acr"
                region = "cn-hangzhou"
                endpoint = "\(emulator.url)"
                \(settings)
                \(extraConfig)
                """)
        let key = key ?? emulator.key
        var cli = fixture.cli
        cli.environment.merge(emulator.environment(key)) { $1 }
        let known = [emulator.key, emulator.readOnlyKey, emulator.stsKey, key]
        let secrets = known.map(\.secret) + known.compactMap(\.token)
        return ACRCLI(fixture: fixture, cli: cli, emulator: emulator, secrets: secrets)
    }

    /// Runs the CLI and checks that no secret reached its output.
    func run(
        _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CLIRunner.Result {
        let result = try await cli.run(arguments)
        for secret in secrets {
            #expect(
                !result.stdout.contains(secret), "a secret in the output of \(arguments)",
                sourceLocation: sourceLocation)
            #expect(
                !result.stderr.contains(secret), "a secret in the errors of \(arguments)",
                sourceLocation: sourceLocation)
        }
        return result
    }

    /// Runs the CLI and requires exit status 0.
    @discardableResult
    func succeed(
        _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> CLIRunner.Result {
        let result = try await run(arguments, sourceLocation: sourceLocation)
        #expect(
            result.status == 0,
            "regconsole \(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)",
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
}

/// An emulator of a suite's own, started on first use, for suites that change its model or inject
/// faults (and so run serialized).
struct PrivateACREmulator: Sendable {
    private let started = Task<ACREmulator, any Error> {
        try await ACREmulator.start(registry: RegistryHarness.shared().basic)
    }

    /// The emulator back to its startup model, without faults and with an empty request log.
    func fresh() async throws -> ACREmulator {
        let emulator = try await started.value
        try await emulator.restoreStartupState()
        return emulator
    }
}

extension ACRCLI {
    /// The audit log's outcomes (`done` or `failed` entries) in this CLI's home, oldest first.
    var auditEntries: [AuditLog.Entry] {
        AuditLog(directories: XDGDirectories(environment: cli.environment)).entries().filter { $0.phase != "intent" }
    }
}

extension ACRCLI {
    /// The repository the emulator seeds a build rule, builds, a source binding and a trigger on
    /// (the first of emulator-main by namespace and name), as `acr.emulator-main/NAMESPACE/NAME`.
    func deliveryRepository(sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let rows = try await jsonArray(["repos", "acr.emulator-main"], sourceLocation: sourceLocation)
        let names = rows.compactMap { row in
            (row["namespace"] as? String).flatMap { namespace in (row["name"] as? String).map { (namespace, $0) } }
        }
        let first = try #require(names.min { $0 < $1 }, sourceLocation: sourceLocation)
        return "acr.emulator-main/\(first.1)"
    }
}
