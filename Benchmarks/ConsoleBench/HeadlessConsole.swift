import Console
import CurlHTTP
import Foundation
import RegistryClient
import TerminalUI

/// The console on a 160×48 in-memory surface, one instance named `bench`, and the measuring
/// helpers the benchmarks share.
@MainActor
struct HeadlessConsole {
    let app: ConsoleApp
    let surface = MemorySurface(size: Size(rows: 48, columns: 160))

    /// A console on `registry`; `persistentCache` keeps manifests and configs on disk in `home`
    /// as a real launch does, else in memory only.
    init(registry: String, home: URL, persistentCache: Bool = false) throws {
        let environment = ["HOME": home.path, "DOCKER_CONFIG": home.appendingPathComponent("docker").path]
        let config = try Config.parse(
            "[[instances]]\nname = \"bench\"\nurl = \"http://\(registry)\"\n", file: "bench.toml")
        let cache = persistentCache ? XDGDirectories(environment: environment).cache : nil
        let session = RegistrySession(
            config: config, http: CurlHTTPClient(), environment: environment, content: ContentStore(directory: cache))
        var options = ConsoleApp.Options()
        options.environment = environment
        app = ConsoleApp(session: session, options: options)
    }

    /// Types characters as keys.
    func type(_ text: String) { for character in text { app.handle(.character(character)) } }

    /// Draws until nothing loads any more (a draw can start loads for the rows it shows).
    func settle() async {
        for _ in 0..<4 {
            app.render(on: surface)
            await app.waitUntilIdle(timeout: .seconds(300))
        }
        app.render(on: surface)
    }

    /// Milliseconds from now until `work` and the loads it starts are done and drawn.
    func timeUntilSettled(_ work: () -> Void) async -> Double {
        let start = ContinuousClock.now
        work()
        await settle()
        return Self.milliseconds(ContinuousClock.now - start)
    }

    /// Milliseconds for each keystroke of `text` typed into the filter, each followed by a redraw.
    func filterKeystrokes(_ text: String) -> [Double] {
        app.handle(.character("/"))
        var samples: [Double] = []
        for character in text {
            let start = ContinuousClock.now
            app.handle(.character(character))
            app.render(on: surface)
            samples.append(Self.milliseconds(ContinuousClock.now - start))
        }
        app.handle(.escape)
        app.render(on: surface)
        return samples
    }

    nonisolated static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// Median, maximum and first of some samples.
    nonisolated static func summary(_ samples: [Double]) -> [String: Double] {
        let sorted = samples.sorted()
        return ["median": sorted[sorted.count / 2], "max": sorted.last ?? 0, "first": samples.first ?? 0]
    }

    /// `VmHWM` from /proc/self/status: the peak resident set.
    nonisolated static func peakResidentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kilobytes / 1024
    }
}
