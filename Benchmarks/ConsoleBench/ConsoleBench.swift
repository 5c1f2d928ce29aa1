import Console
import CurlHTTP
import Foundation
import RegistryClient
import TerminalUI

/// Drives the console headless against a registry with a huge repository and measures what a
/// user feels: time per filter keystroke (filter + redraw) and peak memory with every tag loaded.
///
///     console-bench --registry 127.0.0.1:PORT --repository synthetic/many
///
/// Prints one JSON object.
@main
enum ConsoleBench {
    @MainActor
    static func main() async throws {
        let arguments = CommandLine.arguments
        func value(_ name: String) -> String? { arguments.firstIndex(of: name).map { arguments[$0 + 1] } }
        guard let registry = value("--registry"), let repository = value("--repository") else {
            FileHandle.standardError.write(Data("usage: console-bench --registry HOST:PORT --repository NAME\n".utf8))
            exit(2)
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("console-bench-\(UUID().uuidString)")
        let environment = ["HOME": home.path, "DOCKER_CONFIG": home.appendingPathComponent("docker").path]
        let config = try Config.parse("[[instances]]\nname = \"bench\"\nurl = \"http://\(registry)\"\n", file: "bench.toml")
        let session = RegistrySession(config: config, http: CurlHTTPClient(), environment: environment, content: ContentStore(directory: nil))
        var options = ConsoleApp.Options()
        options.environment = environment
        let app = ConsoleApp(session: session, options: options)
        let surface = MemorySurface(size: Size(rows: 48, columns: 160))

        await app.start()
        func type(_ text: String) { for character in text { app.handle(.character(character)) } }
        app.handle(.enter)
        type(":tags \(repository)")
        let loadStart = ContinuousClock.now
        app.handle(.enter)
        for _ in 0..<3 {
            app.render(on: surface)
            await app.waitUntilIdle(timeout: .seconds(300))
        }
        let loaded = ContinuousClock.now - loadStart
        app.render(on: surface)
        let rows = surface.lines[1]

        /// Milliseconds for each keystroke of `text`, each followed by a redraw.
        func keystrokes(_ text: String) -> [Double] {
            app.handle(.character("/"))
            var samples: [Double] = []
            for character in text {
                let start = ContinuousClock.now
                app.handle(.character(character))
                app.render(on: surface)
                samples.append(milliseconds(ContinuousClock.now - start))
            }
            app.handle(.escape)
            app.render(on: surface)
            return samples
        }
        let substring = keystrokes("tag-09999")
        let regex = keystrokes("re:^tag-0[0-9]*5$")
        let fuzzy = keystrokes("~t9x")
        let inverse = keystrokes("!tag-1")

        let result: [String: Any] = [
            "title": rows,
            "loadMilliseconds": milliseconds(loaded),
            "peakRSSMegabytes": peakResidentMegabytes(),
            "substringMilliseconds": summary(substring),
            "regexMilliseconds": summary(regex),
            "fuzzyMilliseconds": summary(fuzzy),
            "inverseMilliseconds": summary(inverse),
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        try? FileManager.default.removeItem(at: home)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func summary(_ samples: [Double]) -> [String: Double] {
        let sorted = samples.sorted()
        return ["median": sorted[sorted.count / 2], "max": sorted.last ?? 0, "first": samples.first ?? 0]
    }

    /// `VmHWM` from /proc/self/status: the peak resident set.
    static func peakResidentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }
}
