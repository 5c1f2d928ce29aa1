import Foundation
import TestSupport
import Testing

/// `tags` against a registry whose tags have names that are invalid in a URL path, carry escape
/// sequences or climb out of the repository: the rows appear sanitized and marked, only valid
/// names are requested, and nothing crashes.
struct HostileNameTests {
    static let marker = "⚠ invalid tag name, not requested"

    /// Each hostile name as every output format shows it (controls and bidi replaced).
    static let shownNames = [
        "a b", "\"", "|", "%", "#", "?", "\\", "^", "{", "`", "<", "esc␛[2J", "rlo\u{FFFD}abc", "csi\u{FFFD}2J",
        "中文", "a/../../x", "$(touch$IFS~/pwned)",
    ]

    private func withRegistry(_ body: (OddTagsRegistry, CLIRunner) async throws -> Void) async throws {
        let registry = try await OddTagsRegistry.start()
        defer { registry.stop() }
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.home) }
        try await body(registry, cli)
    }

    /// Whether `text` holds a C0 control other than a line break, a C1 control or a bidi control.
    private func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }

    @Test func tagsLongMarksHostileNamesAndRequestsOnlyValidOnes() async throws {
        try await withRegistry { registry, cli in
            let repository = "\(registry.host)/odd/app"
            let json = try await cli.run(["tags", repository, "--long", "--output", "json"])
            #expect(json.status == 1, "\(json.stderr)")
            let reason =
                "17 tag(s) were not read: their names are outside the distribution grammar"
                + " (see the problem column)"
            #expect(json.stderr == "regconsole: \(reason)\n")
            let rows = try #require(try json.json() as? [[String: Any]])
            let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as? String ?? "", $0) })
            #expect(Set(byName.keys) == Set(OddTagsRegistry.validTags + Self.shownNames))
            let digest = try registry.manifestDigest()
            for tag in OddTagsRegistry.validTags {
                #expect(byName[tag]?["digest"] as? String == digest, "\(tag)")
                #expect(byName[tag]?["created"] as? String == "2024-01-01T00:00:00Z", "\(tag)")
                #expect(byName[tag]?["platforms"] as? [String] == ["linux/amd64"], "\(tag)")
                #expect(byName[tag]?["problem"] is NSNull, "\(tag)")
            }
            for name in Self.shownNames {
                #expect(byName[name]?["problem"] as? String == Self.marker, "\(name)")
                #expect(byName[name]?["digest"] is NSNull, "\(name)")
            }

            let table = try await cli.run(["tags", repository, "--long"])
            #expect(table.status == 1)
            #expect(!hasControls(table.stdout) && !hasControls(table.stderr))
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 20)
            let cells = lines.map { $0.split(separator: #/  +/#).map(String.init) }
            #expect(cells.first == ["TAG", "DIGEST", "SIZE", "CREATED", "PLATFORMS", "PROBLEM"])
            #expect(cells.contains(["a/../../x", "-", "-", "-", "-", Self.marker]))
            #expect(cells.contains(["esc␛[2J", "-", "-", "-", "-", Self.marker]))
            let latest = try #require(cells.first { $0.first == "latest" })
            #expect(latest.count == 6 && latest[1] == digest)
            #expect(latest[3...] == ["2024-01-01T00:00:00Z", "linux/amd64", "-"])

            // Two runs, each: the API check, the list, and the manifest and config of the two valid tags.
            let expected: Set = [
                "GET /v2/", "GET /v2/odd/app/tags/list?n=1000", "GET /v2/odd/app/manifests/1.0",
                "GET /v2/odd/app/manifests/latest", "GET /v2/odd/app/blobs/\(try registry.configDigest())",
            ]
            #expect(Set(try registry.requests()) == expected)
        }
    }

    @Test func tagsListsHostileNamesWithTheMarkerAndSucceeds() async throws {
        try await withRegistry { registry, cli in
            let result = try await cli.run(["tags", "\(registry.host)/odd/app"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!hasControls(result.stdout))
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 20)
            #expect(lines.contains("1.0                  -"))
            #expect(lines.contains("a/../../x            \(Self.marker)"))
            #expect(lines.contains("csi\u{FFFD}2J               \(Self.marker)"))
            #expect(Set(try registry.requests()) == ["GET /v2/", "GET /v2/odd/app/tags/list?n=1000"])
        }
    }

    @Test func aLifecyclePlanKeepsTagsItCannotNameAndSaysWhy() async throws {
        try await withRegistry { registry, cli in
            let repository = "\(registry.host)/odd/app"
            #expect(try await cli.run(["lifecycle", "create", repository, "--id", "k1", "--keep", "1"]).status == 0)
            let plan = try await cli.run(["lifecycle", "plan", repository, "--output", "json"])
            #expect(plan.status == 0, "\(plan.stderr)")
            #expect(plan.stderr.hasSuffix("warning: odd/app: 17 tags could not be read and are kept\n"))
            let rows = try #require(try plan.json() as? [[String: Any]])
            let reasons = Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    (row["tag"] as? String ?? "", row["reason"] as? String ?? "")
                })
            let unread = { (name: String) in
                "kept: could not be read ('\(name)' is not a valid tag name; it was not requested)"
            }
            #expect(reasons.count == 19 && rows.allSatisfy { $0["decision"] as? String == "keep" })
            #expect(reasons["1.0"] == "kept: #1 of the 1 newest")
            #expect(reasons["a/../../x"] == unread("a/../../x"))
            #expect(reasons["esc␛[2J"] == unread("esc␛[2J"))
            let requests = Set(try registry.requests())
            #expect(
                requests == [
                    "GET /v2/", "GET /v2/odd/app/tags/list?n=1000", "GET /v2/odd/app/manifests/1.0",
                    "GET /v2/odd/app/manifests/latest", "GET /v2/odd/app/blobs/\(try registry.configDigest())",
                ])
        }
    }

    @Test(arguments: ["a b:1", "a%zz.b", "h.b#f", "h.b?x"])
    func aHostThatIsNotAHostNameIsAUsageError(host: String) async throws {
        let cli = try CLIRunner()
        defer { try? FileManager.default.removeItem(at: cli.home) }
        let result = try await cli.run(["tags", "\(host)/x"])
        #expect(result.status == 2)
        #expect(result.stderr == "regconsole: '\(host)' is not a registry host; use HOST[:PORT]/NAME\n")
    }
}
