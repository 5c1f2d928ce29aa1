import TerminalUI
import Testing

struct FilterAndThemeTests {
    private let rows = ["1.0.0", "1.10.0", "release-2024", "latest", "镜像-v1", "feature/ABC"].map(FilterQuery.key)

    private func kept(_ filter: String) throws -> [Int] {
        let query = try FilterQuery(filter)
        return rows.indices.filter { query.matches(rows[$0]) }
    }

    @Test func substringIsCaseInsensitive() throws {
        #expect(try kept("1.") == [0, 1])
        #expect(try kept("abc") == [5])
        #expect(try kept("镜像") == [4])
        #expect(try kept("") == Array(rows.indices))
    }

    @Test func regexAndInverse() throws {
        #expect(try kept("re:^1\\.[0-9]+\\.0$") == [0, 1])
        #expect(try kept("/^rel/") == [2])
        #expect(try kept("!re:^1") == [2, 3, 4, 5])
        #expect(try kept("!latest") == [0, 1, 2, 4, 5])
        #expect(throws: FilterQuery.InvalidPattern.self) { try FilterQuery("re:([") }
    }

    @Test func fuzzyMatchesInOrderAndRanksTighterHigher() throws {
        #expect(try kept("-f rl24") == [2])
        #expect(try kept("~lts") == [3])
        let query = try FilterQuery("~rel")
        #expect((query.score(FilterQuery.key("prerelease")) ?? 0) > (query.score(FilterQuery.key("arbeclay")) ?? 0))
    }

    @Test func typingMoreNarrowsThePreviousResult() throws {
        #expect(try FilterQuery("rel").narrows(FilterQuery("re")))
        #expect(try !FilterQuery("re:rel").narrows(FilterQuery("re:re")))
        #expect(try !FilterQuery("!rel").narrows(FilterQuery("!re")))
    }

    @Test(arguments: [
        ("red", Color.indexed(1)), ("bright-blue", .indexed(12)), ("208", .indexed(208)),
        ("#ff8700", .rgb(255, 135, 0)), ("default", .terminalDefault),
    ])
    func colorsParse(text: String, color: Color) {
        #expect(Color(text) == color)
    }

    @Test func colorsFallBackToWhatTheTerminalShows() {
        let orange = Color.rgb(255, 135, 0)
        #expect(orange.number(for: .direct) == 0xFF8700)
        #expect(orange.number(for: .indexed256) == 208)
        #expect(orange.number(for: .basic) == 3)
        #expect(orange.number(for: .none) == nil)
        #expect(Color.indexed(9).number(for: .basic) == 1)
        #expect(Color.terminalDefault.number(for: .basic) == -1)
    }

    @Test func noColorAndDumbTerminalsGetNoColor() {
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorDepth.detect(colors: 256, environment: ["TERM": "dumb"]) == .none)
        #expect(ColorDepth.detect(colors: 256, environment: [:]) == .indexed256)
        #expect(ColorDepth.detect(colors: 8, environment: [:]) == .basic)
        #expect(ColorDepth.detect(colors: 0x100_0000, environment: [:]) == .direct)
    }
}
