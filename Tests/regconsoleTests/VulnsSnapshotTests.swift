import Foundation
import TestSupport
import Testing

/// The saved overview of `regconsole vulns`: written by every run, served by `--cached` without a
/// request, ignored when corrupt or of another version, and used as hints by the next run, which
/// must still see every change made since.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct VulnsSnapshotTests {
    private static let report = TestPaths.fixtures.appendingPathComponent("scan-reports/trivy-alpine-310.json")

    /// Severity counts of the fixture report, read from the file itself.
    private static func reportCounts() throws -> [String: Int] {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        var counts: [String: Int] = [:]
        for result in document["Results"] as? [[String: Any]] ?? [] {
            for finding in result["Vulnerabilities"] as? [[String: Any]] ?? [] {
                counts[(finding["Severity"] as? String ?? "").lowercased(), default: 0] += 1
            }
        }
        return counts
    }

    private func snapshotURL(_ fixture: Fixture) -> URL {
        fixture.cli.home.appendingPathComponent(".cache/regconsole/vulns/local.json")
    }

    @Test func cachedRunsServeTheSavedOverviewAndIgnoreABrokenOne() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let missing = try await fixture.cli.run(["vulns", "local/ns", "--cached"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no saved overview of local"))

        let live = try await fixture.jsonArray(["vulns", "local/ns"])
        #expect(FileManager.default.fileExists(atPath: snapshotURL(fixture).path))
        let cached = try await fixture.cli.run(["vulns", "local/ns", "--cached", "--output", "json"])
        #expect(cached.status == 0)
        #expect(cached.stderr.contains("local: as of 0 min ago"))
        let cachedRows = try #require(try cached.json() as? [[String: Any]])
        func summary(_ rows: [[String: Any]]) -> [String] {
            rows.map { row in
                let counts = (row["counts"] as? [String: Int]).map { $0.sorted { $0.key < $1.key }.description }
                return "\(row["repository"] ?? "") \(row["tag"] ?? "") \(row["digest"] ?? "") \(counts ?? "none")"
            }
        }
        #expect(summary(cachedRows) == summary(live))
        #expect(cachedRows.contains { $0["repository"] as? String == "ns/web" && $0["counts"] is [String: Int] })

        for broken in ["{\"version\": 2, \"instance\": \"loc", "{\"version\": 999, \"instance\": \"local\"}"] {
            try Data(broken.utf8).write(to: snapshotURL(fixture))
            let ignored = try await fixture.cli.run(["vulns", "local/ns", "--cached"])
            #expect(ignored.status == 1, "\(broken)")
            #expect(ignored.stderr.contains("no saved overview of local"))
            let again = try await fixture.jsonArray(["vulns", "local/ns"])
            #expect(summary(again) == summary(live), "a broken snapshot is replaced by a new read")
        }
    }

    /// The second run checks tags with HEAD and reuses reports whose origin is unchanged: a report
    /// attached since, a new tag and a tag moved to another image must all show.
    @Test func theNextRunSeesEveryChangeMadeSinceTheSnapshot() async throws {
        let fixture = try await Fixture.make()
        defer { try? FileManager.default.removeItem(at: fixture.cli.home) }
        let registry = fixture.state.anonymous.url
        let repository = "scratch/vulns-\(UUID().uuidString.lowercased().prefix(8))"
        let v1 = try #require(
            try RegistryHarness.seedImage(
                registry: registry, repository: repository, tags: ["v1"], content: "\(repository) 1",
                created: "2024-06-01T00:00:00Z"
            )["v1"])
        let v2 = try #require(
            try RegistryHarness.seedImage(
                registry: registry, repository: repository, tags: ["v2"], content: "\(repository) 2",
                created: "2024-07-01T00:00:00Z"
            )["v2"])
        _ = try await fixture.succeed(["scan", "attach", "local/\(repository):v1", Self.report.path])
        // Other tests create and delete scratch repositories meanwhile: one of theirs failing to
        // read fails the command (exit 1) but must not take this repository's row.
        func row(_ arguments: [String] = []) async throws -> [[String: Any]] {
            let result = try await fixture.cli.run(["vulns", "local/scratch", "--output", "json"] + arguments)
            #expect(
                result.status == 0
                    || (result.status == 1 && result.stderr.contains("could not be read")
                        && !result.stderr.contains(repository)),
                "\(result.stderr)")
            let rows = try #require(try result.json() as? [[String: Any]], "\(result.stdout)")
            return rows.filter { $0["repository"] as? String == repository }
        }
        let first = try #require(try await row().first)
        #expect(first["tag"] as? String == "v2")
        #expect(first["counts"] is NSNull, "v2 has no report yet")
        #expect(first["olderMatching"] as? Int == 1, "v1's report has open findings")

        _ = try await fixture.succeed(["scan", "attach", "local/\(repository):v2", Self.report.path])
        let attached = try #require(try await row().first)
        #expect(attached["digest"] as? String == v2.digest)
        let counts = try #require(attached["counts"] as? [String: Int])
        #expect(counts.filter { $0.value > 0 } == (try Self.reportCounts()))

        let v1Digest = try #require(v1.digest)
        try RegistryHarness.retag(registry: registry, repository: repository, digest: v1Digest, as: "v2")
        let moved = try await row(["--tags", "all"])
        #expect(moved.count == 1, "v1 and v2 now name one image")
        #expect(moved.first?["digest"] as? String == v1.digest)
        #expect(Set(moved.first?["tags"] as? [String] ?? []) == ["v1", "v2"])
    }
}
