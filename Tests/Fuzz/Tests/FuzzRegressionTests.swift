import Foundation
import FuzzTargets
import Testing

/// Replays every seed and every saved crash input through its fuzz target, without the sanitizer:
/// an input that once crashed a parser must now be refused or parsed, never crash again.
@Suite struct FuzzRegressionTests {
    private static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()

    private static func inputs(in folder: String, target: String) throws -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.path < $1.path }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func replaysSeedsAndRegressions(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = try Self.inputs(in: "Corpus", target: name)
        #expect(!seeds.isEmpty, "every target has a seed corpus")
        for input in try seeds + Self.inputs(in: "Regressions", target: name) {
            target.run(try Data(contentsOf: input))
        }
    }

    @Test func everyInputFolderNamesATarget() throws {
        let names = Set(FuzzTarget.all.map(\.name))
        for folder in ["Corpus", "Regressions"] {
            let directory = Self.fuzzDirectory.appendingPathComponent(folder)
            let children = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { !$0.hasPrefix(".") }
            #expect(Set(children).subtracting(names) == [], "\(folder) holds only folders named after targets")
        }
        let corpus = Self.fuzzDirectory.appendingPathComponent("Corpus").path
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: corpus)) == names, "every target has a corpus")
    }
}
