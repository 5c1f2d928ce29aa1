import Foundation

/// When each rule of an instance last ran and what it did
/// (`$XDG_STATE_HOME/regconsole/lifecycle-runs/<instance>.json`), for the lifecycle pane and `list`.
public struct LifecycleRunHistory: Sendable {
    /// One finished run.
    public struct Run: Codable, Sendable, Equatable {
        public var finished: Date
        public var deleted: Int
        public var skipped: Int
        public var failed: Int
    }

    private let url: URL

    /// The history of `instance`.
    public init(instance: String, directories: XDGDirectories) {
        url = directories.state.appendingPathComponent("lifecycle-runs").appendingPathComponent("\(instance).json")
    }

    /// The last run of every rule that ran.
    public func lastRuns() -> [String: Run] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([String: Run].self, from: data)) ?? [:]
    }

    /// Records a run of `rules`.
    func record(_ run: Run, rules: [String]) throws {
        var runs = lastRuns()
        for rule in rules { runs[rule] = run }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(runs), to: url)
    }
}
