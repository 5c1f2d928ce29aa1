import Foundation
import TestSupport
import Testing

/// `instances`, `namespaces`, `repos`, `tags`, `inspect` against the real seeded registry.
@Suite(.enabled(if: RegistryHarness.isEnabled))
struct BrowsingCommandTests {
    @Test func namespacesCountRepositories() async throws {
        let fixture = try await Fixture.make()
        let rows = try await fixture.jsonArray(["namespaces", "local"])
        var counts: [String: Int] = [:]
        for row in rows { counts[try #require(row["name"] as? String)] = row["repositoryCount"] as? Int }
        counts["scratch"] = nil  // repositories that mutation tests create
        #expect(counts == fixture.state.seed.namespaces)
    }

    @Test func reposListsAllOrOneNamespaceIncludingDeepNames() async throws {
        let fixture = try await Fixture.make()
        let all = try await fixture.jsonArray(["repos", "local"]).compactMap { $0["name"] as? String }
        #expect(Set(all).isSuperset(of: fixture.state.seed.repositories.keys))
        let mirror = try await fixture.jsonArray(["repos", "local/mirror"])
        #expect(mirror.compactMap { $0["name"] as? String } == ["mirror/library/alpine"])
        #expect(mirror.first?["namespace"] as? String == "mirror")
        let table = try await fixture.succeed(["repos", "local/ns"]).stdout
        #expect(table == "REPOSITORY\nns/app\nns/web\n")
    }

    @Test func tagsListsTheExactSetInEveryOrder() async throws {
        let fixture = try await Fixture.make()
        let seeded = try #require(fixture.state.seed.repositories["ns/app"])
        let byName = try await fixture.jsonArray(["tags", "local/ns/app"]).compactMap { $0["name"] as? String }
        let images = try fixture.seededImages("ns/app")
        #expect(byName == images.keys.sorted(), "the referrers fallback tag is hidden")
        let all = try await fixture.jsonArray(["tags", "local/ns/app", "--all"]).compactMap { $0["name"] as? String }
        #expect(all == seeded.keys.sorted())
        let bySemver = try await fixture.jsonArray(["tags", "local/ns/app", "--sort", "semver"]).compactMap {
            $0["name"] as? String
        }
        #expect(Array(bySemver.prefix(4)) == ["1.0.0", "1.2.0", "1.10.0-rc1", "1.10.0"])
        let byCreated = try await fixture.jsonArray(["tags", "local/ns/app", "--sort", "created"]).compactMap {
            $0["name"] as? String
        }
        let expected = try fixture.seededImages("ns/app").sorted {
            ($0.value.created!, $1.key) > ($1.value.created!, $0.key)
        }.map(\.key)
        #expect(Array(byCreated.prefix(expected.count)) == expected)
    }

    @Test func tagsLongMatchesWhatWasSeeded() async throws {
        let fixture = try await Fixture.make()
        for repository in ["ns/app", "ns/web", "mirror/library/alpine", "alpha"] {
            let rows = try await fixture.jsonArray(["tags", "local/\(repository)", "--long"])
            let seeded = try fixture.seededImages(repository)
            for (tag, expected) in seeded {
                let row = try #require(rows.first { $0["name"] as? String == tag }, "\(repository):\(tag) missing")
                #expect(row["digest"] as? String == expected.digest, "\(repository):\(tag)")
                #expect(row["mediaType"] as? String == expected.mediaType, "\(repository):\(tag)")
                #expect((row["size"] as? Int).map(Int64.init) == expected.size, "\(repository):\(tag)")
                #expect(row["created"] as? String == expected.created, "\(repository):\(tag)")
                #expect(row["platforms"] as? [String] == expected.platforms, "\(repository):\(tag)")
            }
        }
    }

    @Test func tagsLongReadsAThousandFiveHundredTagsThroughBearerAuth() async throws {
        let fixture = try await Fixture.make()
        let seeded = try fixture.seededImages("bulk/many")
        #expect(seeded.count == 1500)
        let rows = try await fixture.jsonArray([
            "tags", "bearer/bulk/many", "--long", "--sort", "created", "--concurrency", "16",
        ])
        #expect(rows.count == 1500)
        #expect(rows.first?["name"] as? String == "t1500")
        #expect(rows.last?["name"] as? String == "t0001")
        for row in rows {
            let name = try #require(row["name"] as? String)
            let expected = try #require(seeded[name])
            #expect(row["digest"] as? String == expected.digest)
            #expect(row["created"] as? String == expected.created)
            #expect((row["size"] as? Int).map(Int64.init) == expected.size)
        }
    }

    @Test func tablesAndCSVAreWellFormed() async throws {
        let fixture = try await Fixture.make()
        let seeded = try #require(fixture.state.seed.repositories["alpha"]?["1"])
        let table = try await fixture.succeed(["tags", "local/alpha", "--long"]).stdout
        let lines = table.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("TAG  DIGEST"))
        #expect(lines[1].contains(seeded.digest!))
        #expect(lines[1].contains("2022-12-31T23:59:59Z"))
        #expect(lines[1].hasSuffix("linux/amd64"))
        let csv = try await fixture.succeed(["tags", "local/ns/app", "--long", "--output", "csv"]).stdout
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "name,digest,mediaType,size,created,platforms")
        let multi = try #require(rows.first { $0.hasPrefix("multi,") })
        #expect(multi.hasSuffix(",linux/amd64;linux/arm64/v8"))
    }

    @Test func inspectShowsIndexChildrenConfigAndReferrers() async throws {
        let fixture = try await Fixture.make()
        let multi = try #require(fixture.state.seed.repositories["ns/app"]?["multi"])
        let result = try await fixture.succeed(["inspect", "local/ns/app:multi", "--output", "json"])
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["digest"] as? String == multi.digest)
        #expect(object["platforms"] as? [String] == multi.platforms)
        #expect((object["size"] as? Int).map(Int64.init) == multi.size)
        let manifests = try #require(object["manifests"] as? [[String: Any]])
        #expect(manifests.map { $0["platform"] as? String } == ["linux/amd64", "linux/arm64/v8", "unknown/unknown"])
        // The table labels the attestation manifest as the console does.
        let table = try await fixture.succeed(["inspect", "local/ns/app:multi"]).stdout.split(
            separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(table.firstIndex(of: "Manifests"))
        let rows = table[(start + 1)...].prefix { $0.hasPrefix("  ") }.map {
            $0.split(separator: " ").first.map(String.init)
        }
        #expect(rows == ["PLATFORM", "linux/amd64", "linux/arm64/v8", "attestation"])

        let (key, referrers) = try #require(fixture.state.seed.referrers.first)
        let subject = String(key.split(separator: "@")[1])
        let inspected = try #require(
            try await fixture.succeed(["inspect", "local/ns/app@\(subject)", "--output", "json"]).json()
                as? [String: Any])
        let found = try #require(inspected["referrers"] as? [[String: Any]])
        #expect(found.map { $0["digest"] as? String } == referrers.map(\.digest))
        #expect(found.first?["artifactType"] as? String == "application/sarif+json")
        #expect(found.first?["discovery"] as? String == "tag-fallback")
        #expect((inspected["layers"] as? [[String: Any]])?.count == 1)
    }

    @Test func inspectSanitizesLabelsAndKeepsCJK() async throws {
        let fixture = try await Fixture.make()
        let result = try await fixture.succeed(["inspect", "local/mirror/library/alpine:3.19"])
        #expect(result.stdout.contains("Label       org.opencontainers.image.description=Alpine 镜像 — 轻量基础镜像"))
        #expect(result.stdout.contains("org.opencontainers.image.vendor=␛[31mred␛[0m vendor"))
        #expect(!result.stdout.contains("\u{1B}"))
        let json = try await fixture.succeed(["inspect", "local/mirror/library/alpine:3.19", "--output", "json"]).stdout
        #expect(json.contains("␛[31mred"))
        #expect(!json.contains("\\u001b"))
    }

    @Test func instancesListsConfigAndDockerConfigWithStatus() async throws {
        let fixture = try await Fixture.make(
            extraConfig: """

                [[instances]]
                name = "down"
                url = "http://127.0.0.1:1"
                """)
        try fixture.cli.writeDockerConfig(#"{"auths": {"ghcr.example.invalid": {"auth": "dTpw"}}}"#)
        let rows = try await fixture.jsonArray(["instances"])
        let status = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as! String, $0["status"] as? String) })
        #expect(status["local"] == "ok")
        #expect(status["basic"] == "ok")
        #expect(status["bearer"] == "ok")
        #expect(status["down"] == "network")
        #expect(status["ghcr.example.invalid"] == "unknownHost")
        #expect(rows.first { $0["name"] as? String == "ghcr.example.invalid" }?["origin"] as? String == "docker-config")
    }

    @Test func hostReferencesFallBackToPlainHTTPOnLoopback() async throws {
        let fixture = try await Fixture.make()
        let tags = try await fixture.jsonArray(["tags", "\(fixture.state.anonymous.host)/alpha"]).compactMap {
            $0["name"] as? String
        }
        #expect(tags == ["1"])
    }
}
