import Foundation
import RegistryClient
import Testing

struct TagOrderTests {
    private func tags(_ names: [String]) -> [RegistryClient.Tag] { names.map { RegistryClient.Tag(name: $0) } }

    @Test func semverOrdersNumericallyWithPrereleasesFirstAndOthersLast() {
        let sorted = TagOrder.semver.sorted(
            tags(["latest", "1.10.0", "v1.2.0", "1.10.0-rc.2", "1.10.0-rc.10", "1.10.0-beta", "2", "1.2", "main"]))
        #expect(
            sorted.map(\.name) == [
                "1.2", "v1.2.0", "1.10.0-beta", "1.10.0-rc.2", "1.10.0-rc.10", "1.10.0", "2", "latest", "main",
            ])
    }

    @Test func nameOrderIsByteOrder() {
        #expect(TagOrder.name.sorted(tags(["b", "B", "a", "10", "9"])).map(\.name) == ["10", "9", "B", "a", "b"])
    }

    @Test func createdAndSizeAreNewestAndLargestFirstWithUnknownLast() throws {
        let digest = try #require(Digest("sha256:" + String(repeating: "a", count: 64)))
        func tag(_ name: String, created: TimeInterval?, size: Int64?) -> RegistryClient.Tag {
            RegistryClient.Tag(
                name: name,
                details: TagDetails(
                    digest: digest, mediaType: MediaType.ociManifest, size: size,
                    created: created.map(Date.init(timeIntervalSince1970:)), platforms: []))
        }
        let list = [
            tag("old", created: 100, size: 5), tag("none", created: nil, size: nil), tag("new", created: 300, size: 1),
            tag("mid", created: 200, size: 9), RegistryClient.Tag(name: "bare"),
        ]
        #expect(TagOrder.created.sorted(list).map(\.name) == ["new", "mid", "old", "bare", "none"])
        #expect(TagOrder.size.sorted(list).map(\.name) == ["mid", "old", "new", "bare", "none"])
    }

    @Test func versionsParseLikeTagsAreWritten() {
        #expect(SemanticVersion("v1.2.3")?.numbers == [1, 2, 3])
        #expect(SemanticVersion("1.2.3+build.7")?.numbers == [1, 2, 3])
        #expect(SemanticVersion("1.2.3-rc.1")?.prerelease == ["rc", "1"])
        #expect(SemanticVersion("1.x") == nil)
        #expect(SemanticVersion("latest") == nil)
        #expect(SemanticVersion("1..2") == nil)
    }
}
