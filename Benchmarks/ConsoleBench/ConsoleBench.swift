import Console
import CurlHTTP
import Foundation
import RegistryClient
import TerminalUI

/// Drives the console headless against a registry and measures what a user feels.
///
///     console-bench tags --registry 127.0.0.1:PORT --repository synthetic/many
///     console-bench scan --registry 127.0.0.1:PORT --image REPO:TAG --report FILE
///     console-bench vulns --registry 127.0.0.1:PORT
///     console-bench lifecycle [--tags N]
///
/// `tags`: time per filter keystroke over a huge tag list and peak memory with every tag loaded.
/// `scan`: parsing a large report, opening the findings pane of an image that has it attached,
/// redrawing it and filtering it. `vulns`: `:vulns` cold, then the saved rows' first frame in a
/// second console and its refresh. `lifecycle`: planning rules over N tags (100,000).
/// Prints one JSON object.
@main
enum ConsoleBench {
    @MainActor
    static func main() async throws {
        let arguments = CommandLine.arguments
        func value(_ name: String) -> String? { arguments.firstIndex(of: name).map { arguments[$0 + 1] } }
        guard arguments.count > 1 else { usage() }
        if arguments[1] == "lifecycle" {
            try printJSON(LifecycleBenchmark.run(tags: value("--tags").flatMap(Int.init) ?? 100_000))
            return
        }
        guard let registry = value("--registry") else { usage() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("console-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        if arguments[1] == "vulns" {
            try printJSON(await VulnsBenchmark.run(registry: registry, home: home))
            return
        }
        let driver = try HeadlessConsole(registry: registry, home: home)
        let result: [String: Any]
        switch arguments[1] {
        case "tags":
            guard let repository = value("--repository") else { usage() }
            result = await TagsBenchmark.run(driver, repository: repository)
        case "scan":
            guard let image = value("--image"), let report = value("--report") else { usage() }
            result = try await ScanBenchmark.run(driver, image: image, report: URL(fileURLWithPath: report))
        default:
            usage()
        }
        try printJSON(result)
    }

    static func printJSON(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func usage() -> Never {
        FileHandle.standardError.write(
            Data(
                """
                usage: console-bench tags --registry HOST:PORT --repository NAME
                       console-bench scan --registry HOST:PORT --image REPO:TAG --report FILE
                       console-bench vulns --registry HOST:PORT
                       console-bench lifecycle [--tags N]

                """.utf8))
        exit(2)
    }
}
