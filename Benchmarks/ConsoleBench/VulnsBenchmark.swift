import Foundation

/// `:vulns` over a whole registry: the first visit reads every repository and saves the overview;
/// a second console (the next launch, same cache) paints the saved rows, then refreshes them.
@MainActor
enum VulnsBenchmark {
    static func run(registry: String, home: URL) async throws -> [String: Any] {
        let first = try HeadlessConsole(registry: registry, home: home, persistentCache: true)
        await first.app.start()
        first.type(":vulns bench")
        let cold = await first.timeUntilSettled { first.app.handle(.enter) }
        let coldTitle = first.surface.lines[1]

        let second = try HeadlessConsole(registry: registry, home: home, persistentCache: true)
        await second.app.start()
        second.type(":vulns bench")
        let start = ContinuousClock.now
        second.app.handle(.enter)
        second.app.render(on: second.surface)
        let firstRows = HeadlessConsole.milliseconds(ContinuousClock.now - start)
        let savedTitle = second.surface.lines[1]
        let warm = await second.timeUntilSettled {}
        return [
            "coldMilliseconds": cold, "coldTitle": coldTitle,
            "snapshotFirstRowsMilliseconds": firstRows, "snapshotTitle": savedTitle,
            "snapshotRowsShown": second.surface.lines.dropFirst(3).filter { $0.contains("/") }.count,
            "warmRefreshMilliseconds": firstRows + warm, "warmTitle": second.surface.lines[1],
        ]
    }
}
