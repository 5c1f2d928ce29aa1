import Foundation

/// A repository with a huge tag list: load time, filter keystrokes in every mode, peak memory.
@MainActor
enum TagsBenchmark {
    static func run(_ console: HeadlessConsole, repository: String) async -> [String: Any] {
        await console.app.start()
        console.app.handle(.enter)
        console.type(":tags \(repository)")
        let loaded = await console.timeUntilSettled { console.app.handle(.enter) }
        return [
            "title": console.surface.lines[1],
            "loadMilliseconds": loaded,
            "peakRSSMegabytes": HeadlessConsole.peakResidentMegabytes(),
            "substringMilliseconds": HeadlessConsole.summary(console.filterKeystrokes("tag-09999")),
            "regexMilliseconds": HeadlessConsole.summary(console.filterKeystrokes("re:^tag-0[0-9]*5$")),
            "fuzzyMilliseconds": HeadlessConsole.summary(console.filterKeystrokes("~t9x")),
            "inverseMilliseconds": HeadlessConsole.summary(console.filterKeystrokes("!tag-1")),
        ]
    }
}
