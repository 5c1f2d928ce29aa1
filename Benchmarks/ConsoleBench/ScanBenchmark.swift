import Foundation
import RegistryClient

/// A large scan report: parsing it from a file, opening the findings pane of the image it is
/// attached to (discovery, download, parse, triage, first frame), redrawing and filtering it.
@MainActor
enum ScanBenchmark {
    static func run(_ console: HeadlessConsole, image: String, report: URL) async throws -> [String: Any] {
        let data = try Data(contentsOf: report)
        var parses: [Double] = []
        var findings = 0
        for _ in 0..<10 {
            let start = ContinuousClock.now
            findings = try ScanReportParser.parse(data, source: report.lastPathComponent).findings.count
            parses.append(HeadlessConsole.milliseconds(ContinuousClock.now - start))
        }

        let (repository, tag) = split(image)
        await console.app.start()
        console.app.handle(.enter)
        console.type(":tags \(repository)")
        console.app.handle(.enter)
        await console.settle()
        console.type("/\(tag)")
        console.app.handle(.enter)
        await console.settle()
        let opened = await console.timeUntilSettled { console.app.handle(.character("v")) }
        let title = console.surface.lines[1]

        var redraws: [Double] = []
        for _ in 0..<20 {
            let start = ContinuousClock.now
            console.app.render(on: console.surface)
            redraws.append(HeadlessConsole.milliseconds(ContinuousClock.now - start))
        }
        return [
            "title": title,
            "findings": findings,
            "reportBytes": data.count,
            "parseMilliseconds": HeadlessConsole.summary(parses),
            "openMilliseconds": opened,
            "redrawMilliseconds": HeadlessConsole.summary(redraws),
            "filterMilliseconds": HeadlessConsole.summary(console.filterKeystrokes("sev>=high fixable:y pkg:lib")),
            "peakRSSMegabytes": HeadlessConsole.peakResidentMegabytes(),
        ]
    }

    private static func split(_ image: String) -> (String, String) {
        guard let colon = image.lastIndex(of: ":") else { return (image, "latest") }
        return (String(image[..<colon]), String(image[image.index(after: colon)...]))
    }
}
