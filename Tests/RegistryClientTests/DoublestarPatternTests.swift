import Testing

@testable import RegistryClient

/// The doublestar globs of Harbor's retention and immutability selectors.
struct DoublestarPatternTests {
    private func matches(_ pattern: String, _ name: String) -> Bool {
        DoublestarPattern(pattern).matches(name)
    }

    @Test func emptyPatternMatchesEverything() {
        #expect(matches("", "v1"))
        #expect(matches("", "team/app"))
        #expect(matches("", ""))
    }

    @Test func starStaysWithinASegment() {
        #expect(matches("*", "latest"))
        #expect(matches("v*", "v1.2.3"))
        #expect(matches("*-alpine", "3.19-alpine"))
        #expect(matches("v*-rc*", "v2-rc1"))
        #expect(!matches("v*", "release-v1"))
        #expect(!matches("*", "team/app"))
        #expect(matches("team/*", "team/app"))
        #expect(!matches("team/*", "team/app/sub"))
        #expect(!matches("team/*", "team"))
    }

    @Test func doubleStarCrossesSegments() {
        #expect(matches("**", "app"))
        #expect(matches("**", "team/app/sub"))
        #expect(matches("team/**", "team/app/sub"))
        #expect(matches("team/**", "team/app"))
        #expect(matches("**/app", "app"))
        #expect(matches("**/app", "a/b/c/app"))
        #expect(!matches("**/app", "a/b/c/apps"))
        #expect(matches("a/**/z", "a/z"))
        #expect(matches("a/**/z", "a/b/c/z"))
        #expect(!matches("a/**/z", "b/c/z"))
        #expect(matches("**/**/x", "x"))
    }

    @Test func questionMarkIsOneCharacterButNotASlash() {
        #expect(matches("v?", "v1"))
        #expect(!matches("v?", "v10"))
        #expect(!matches("a?b", "a/b"))
        #expect(matches("???", "日本語"))
    }

    @Test func bracesOfferAlternatives() {
        #expect(matches("{v*,rc-*}", "v1"))
        #expect(matches("{v*,rc-*}", "rc-2"))
        #expect(!matches("{v*,rc-*}", "latest"))
        #expect(matches("{a,b{c,d}}x", "bdx"))
        #expect(!matches("{a,b{c,d}}x", "bx"))
        #expect(matches("{team,ops}/**", "ops/db/main"))
        #expect(matches("x{,-dev}", "x"))
        #expect(matches("x{,-dev}", "x-dev"))
    }

    @Test func classesAndEscapes() {
        #expect(matches("v[0-9]", "v7"))
        #expect(!matches("v[0-9]", "va"))
        #expect(matches("v[!0-9]", "va"))
        #expect(!matches("v[^0-9]", "v3"))
        #expect(matches("\\*", "*"))
        #expect(!matches("\\*", "a"))
        #expect(matches("a\\{b", "a{b"))
    }

    @Test func unclosedBraceOrClassIsLiteral() {
        #expect(matches("{v1", "{v1"))
        #expect(!matches("{v1", "v1"))
        #expect(matches("[v1", "[v1"))
    }

    @Test func wholeNameMustMatch() {
        #expect(!matches("v1", "v10"))
        #expect(!matches("v1", "av1"))
        #expect(matches("latest", "latest"))
    }

    @Test func hostilePatternsStayFast() {
        let stars = String(repeating: "*", count: 200) + "x"
        #expect(!matches(stars, String(repeating: "a", count: 2_000)))
        let globstars = Array(repeating: "**", count: 60).joined(separator: "/") + "/x"
        #expect(!matches(globstars, Array(repeating: "a", count: 200).joined(separator: "/")))
        let braces = String(repeating: "{a,b}", count: 30)
        #expect(matches(braces, String(repeating: "a", count: 30)))
        #expect(!matches(braces, String(repeating: "b", count: 30)))  // beyond the first 1,024 alternatives
    }
}
