import TerminalUI
import Testing

/// Filters match each field of a row on its own: anchors, fuzzy runs and substrings stay inside
/// one field, and digests are left to substring filters.
struct FilterFieldTests {
    /// A 6-tag repository: the tag name, its platforms, and its short digest.
    private let rows: [FilterQuery.Key] = [
        FilterQuery.key(fields: ["latest", "linux/amd64"], identifiers: ["9f1c21ab0d3e"]),
        FilterQuery.key(fields: ["1.1.0", "linux/amd64"], identifiers: ["2b3c4d5e6f7a"]),
        FilterQuery.key(fields: ["1.10.0", "linux/arm64"], identifiers: ["3c4d5e6f7a8b"]),
        FilterQuery.key(fields: ["release-2024"], identifiers: ["4d5e6f7a8b9c"]),
        FilterQuery.key(fields: ["v2.0"], identifiers: ["5e6f7a8b9c0d"]),
        FilterQuery.key(fields: ["latest-debug", "linux/amd64"], identifiers: ["6f7a8b9c0d1e"]),
    ]

    private func kept(_ filter: String) throws -> [Int] {
        let query = try FilterQuery(filter)
        return rows.indices.filter { query.matches(rows[$0]) }
    }

    @Test func regexAnchorsToOneField() throws {
        #expect(try kept("re:^latest$") == [0])
        #expect(try kept("re:^latest") == [0, 5])
        #expect(try kept("re:0$") == [1, 2, 4])
        #expect(try kept("re:^linux/amd64$") == [0, 1, 5])
        #expect(try kept("re:latest.linux") == [])
        #expect(try kept("re:^9f1c") == [], "a regex is about names, not digests")
        #expect(try kept("9f1c") == [0])
    }

    @Test func substringMatchesAnyFieldButNotAcrossThem() throws {
        #expect(try kept("arm64") == [2])
        #expect(try kept("ab0d") == [0])
        #expect(try kept("latest linux") == [])
        #expect(try kept("latest") == [0, 5])
    }

    @Test func fuzzySkipsDigests() throws {
        #expect(try kept("~110") == [1, 2])
        #expect(try FilterQuery("~110").score(rows[0]) == nil)
        #expect(try kept("~lnx") == [0, 1, 2, 5])
    }

    @Test func invertedFiltersKeepTheRest() throws {
        #expect(try kept("!re:^latest$") == [1, 2, 3, 4, 5])
        #expect(try kept("!~110") == [0, 3, 4, 5])
        #expect(try kept("!amd64") == [2, 3, 4])
    }

    @Test func fuzzyScoresTheBestField() throws {
        let query = try FilterQuery("~rel")
        let best = query.score(FilterQuery.key("release-2024"))
        #expect(best == 9)
        #expect(query.score(FilterQuery.key(fields: ["arbeclay", "release-2024"])) == best)
        #expect(query.score(FilterQuery.key(fields: ["prerelease"])) == 5)
        #expect(query.score(FilterQuery.key(fields: [], identifiers: ["release"])) == nil)
    }
}
