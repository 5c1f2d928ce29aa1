import Foundation
import TestSupport
import Testing

/// Compares screen text with `Tests/ConsoleTests/Snapshots/NAME.txt`. With `UPDATE_SNAPSHOTS=1`
/// the file is written instead (review the diff before committing); under `CI=true` that is
/// refused and recorded as a failure, so CI always compares.
enum Snapshot {
    static let directory = TestPaths.packageRoot.appendingPathComponent("Tests/ConsoleTests/Snapshots")

    static func check(
        _ text: String, named name: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent("\(name).txt")
        if environment["UPDATE_SNAPSHOTS"] == "1" {
            guard environment["CI"] != "true" else {
                Issue.record(
                    "UPDATE_SNAPSHOTS=1 is refused under CI=true; \(url.lastPathComponent) was not rewritten",
                    sourceLocation: sourceLocation)
                return
            }
            try Data((text + "\n").utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no snapshot \(url.lastPathComponent); run with UPDATE_SNAPSHOTS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text + "\n" {
            let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.txt")
            try? Data((text + "\n").utf8).write(to: actualURL)
            Issue.record(
                "screen differs from \(url.lastPathComponent) (actual in \(actualURL.path)):\n\(text)",
                sourceLocation: sourceLocation)
        }
    }
}
