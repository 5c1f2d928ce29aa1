import Foundation
import RegistryClient
import TestSupport
import Testing

/// The CLI on a `kind = "harbor"` entry named `hb`, against the Harbor emulator over the shared
/// registry: browsing through projects, scans started and read through Harbor, the fleet
/// overview with Harbor as its source, and deletes through the API.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct HarborCommandTests {
    /// The shared fixture's CLI with an `hb` entry on a fresh emulator of its own.
    private func harbor(_ settings: String = "") async throws -> (Fixture, CLIRunner, HarborEmulator) {
        let emulator = try await HarborEmulator.start(registry: RegistryHarness.shared().basic)
        let fixture = try await Fixture.harbor(emulator, settings: settings + "\ninsecure = true")
        return (fixture, fixture.cli, emulator)
    }

    private func json(_ cli: CLIRunner, _ arguments: [String]) async throws -> [[String: Any]] {
        let result = try await cli.run(arguments + ["--output", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try result.json() as? [[String: Any]], "\(result.stdout)")
    }

    @Test func browsingGoesThroughProjectsAndShowsHarborsFacts() async throws {
        let (fixture, cli, emulator) = try await harbor()
        defer {
            emulator.stop()
            try? FileManager.default.removeItem(at: fixture.cli.home)
        }
        let namespaces = try await json(cli, ["namespaces", "hb"])
        #expect(namespaces.contains { $0["name"] as? String == "ns" })
        let repos = try await json(cli, ["repos", "hb/ns"]).compactMap { $0["name"] as? String }
        #expect(repos == ["ns/app", "ns/web"])

        let seeded = try fixture.seededImages("ns/app")
        let tags = try await json(cli, ["tags", "hb/ns/app", "--long"])
        let digests = Dictionary(
            tags.map { ($0["name"] as? String ?? "", $0["digest"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(digests == seeded.filter { !$0.key.hasPrefix("sha256-") }.mapValues { $0.digest ?? "" })
        let multi = try #require(tags.first { $0["name"] as? String == "multi" })
        #expect((multi["platforms"] as? [String])?.sorted() == ["linux/amd64", "linux/arm64/v8"])

        let inspect = try await cli.run(["inspect", "hb/ns/app:1.10.0", "--output", "json"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.stdout.contains(seeded["1.10.0"]?.digest ?? "missing"))
    }

    @Test func scansRunOnHarborAndFeedScanShowAndVulns() async throws {
        let (fixture, cli, emulator) = try await harbor()
        defer {
            emulator.stop()
            try? FileManager.default.removeItem(at: fixture.cli.home)
        }
        let started = try await cli.run(["scan", "start", "hb/ns/web:stable", "--wait"])
        #expect(started.status == 0, "\(started.stderr)")

        let shown = try await cli.run(["scan", "show", "hb/ns/web:stable", "--output", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let findings = try #require(try shown.json() as? [[String: Any]], "\(shown.stdout)")
        #expect((2...5).contains(findings.count))
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding["severity"] as? String ?? "", default: 0] += 1 }

        let rows = try await json(cli, ["vulns", "hb/ns"])
        let web = try #require(
            rows.first { $0["repository"] as? String == "ns/web" && $0["tag"] as? String == "stable" })
        #expect(web["source"] as? String == "harbor")
        let overview = try #require(web["counts"] as? [String: Int])
        #expect(overview.filter { $0.value > 0 } == counts, "vulns agrees with scan show")
        let unscanned = try #require(rows.first { $0["repository"] as? String == "ns/app" })
        #expect(unscanned["counts"] is NSNull, "never scanned")

        let failing = try await cli.run(["scan", "show", "hb/ns/web:stable", "--fail-on", "low"])
        #expect(failing.status == 3)
    }

    @Test func deletesGoThroughTheAPIAndReadOnlyRefuses() async throws {
        let (fixture, cli, emulator) = try await harbor()
        defer {
            emulator.stop()
            try? FileManager.default.removeItem(at: fixture.cli.home)
        }
        let deleted = try await cli.run(["delete", "hb/ns/app:1.2.0", "--yes"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let names = try await json(cli, ["tags", "hb/ns/app"]).compactMap { $0["name"] as? String }
        #expect(!names.contains("1.2.0") && names.contains("1.0.0"))

        let shared = try await cli.run(["delete", "hb/ns/app:latest", "--yes"])
        #expect(shared.status == 4, "1.10.0 shares the digest: \(shared.stderr)")
        #expect((shared.stdout + shared.stderr).contains("1.10.0"), "\(shared.stdout)")

        let (readOnlyFixture, readOnly, readOnlyEmulator) = try await harbor("read_only = true")
        defer {
            readOnlyEmulator.stop()
            try? FileManager.default.removeItem(at: readOnlyFixture.cli.home)
        }
        let denied = try await readOnly.run(["delete", "hb/ns/app:1.0.0", "--yes"])
        #expect(denied.status != 0)
        #expect(denied.stderr.contains("read-only"), "\(denied.stderr)")
    }
}
