import CurlHTTP
import Foundation
import RegistryClient
import TerminalUI
import TestSupport

@testable import Console

/// Runs the console headless against the pristine registries: keys in, frames out on a
/// `MemorySurface`, with a fixed clock and an isolated home directory.
@MainActor
final class ConsoleDriver {
    let app: ConsoleApp
    let surface: MemorySurface
    let state: HarnessState
    /// The console's home (config, state), removed with the driver.
    var home: URL { homeDirectory.url }
    private let homeDirectory: TemporaryDirectory
    private(set) var copied: [String] = []

    /// 2026-06-01, so relative times are stable.
    nonisolated static let now = Date(timeIntervalSince1970: 1_780_272_000)

    /// A console on the pristine registry, or on the shared one (which tests may change) with `shared`.
    /// `config` is appended to the config (more instances) and `environment` to the environment;
    /// `now` is the clock relative times are shown by.
    init(
        language: Language, size: Size, readOnly: Bool = false, production: Bool = false, shared: Bool = false,
        config extraConfig: String = "", environment extraEnvironment: [String: String] = [:],
        now: Date = ConsoleDriver.now
    ) async throws {
        state = try await shared ? RegistryHarness.shared() : RegistryHarness.pristine()
        homeDirectory = try TemporaryDirectory("console-home")
        let config = try Config.parse(
            """
            [[instances]]
            name = "local"
            url = "\(state.anonymous.url)"
            production = \(production)
            \(extraConfig)
            """, file: "config.toml")
        let home = homeDirectory.url
        let environment = ["HOME": home.path, "DOCKER_CONFIG": home.appendingPathComponent(".docker").path].merging(
            extraEnvironment
        ) { $1 }
        let session = RegistrySession(
            config: config, http: CurlHTTPClient(), environment: environment, content: ContentStore(directory: nil))
        var options = ConsoleApp.Options()
        options.language = language
        options.environment = environment
        options.readOnly = readOnly
        options.now = { now }
        app = ConsoleApp(session: session, options: options)
        surface = MemorySurface(size: size)
        app.writeRaw = { [weak self] in self?.copied.append($0) }
    }

    /// Starts on the instances pane (or the last view) and waits until everything has loaded.
    func start(instance: String? = nil) async {
        await app.start(instance: instance)
        await settle()
    }

    /// Draws, waits for the loads the draw started (tag details), and draws again.
    func settle() async {
        for _ in 0..<3 {
            app.render(on: surface)
            await app.waitUntilIdle()
        }
        app.render(on: surface)
    }

    /// Presses keys, then settles.
    func press(_ keys: Key...) async {
        for key in keys { app.handle(key) }
        await settle()
    }

    /// Types a `:` command and runs it.
    func command(_ line: String) async {
        app.handle(.character(":"))
        for character in line { app.handle(.character(character)) }
        app.handle(.enter)
        await settle()
    }

    /// Starts the console, opens `repository`'s lifecycle rules and a new rule in the editor with the
    /// keep field set to `keep`.
    func editNewRule(in repository: String, keep: String) async {
        await start()
        await press(.enter)
        await command("tags \(repository)")
        await press(.character("L"))
        await press(.character("n"))
        await press(.backspace, .backspace)
        for character in keep { app.handle(.character(character)) }
    }

    /// The table row whose name column starts with `name`, marked or not.
    func row(_ name: String) -> String? {
        surface.lines.first { $0.dropFirst(2).hasPrefix("\(name) ") }
    }

    /// Moves the selection to the row of `name` (at most 30 rows down); returns whether it got there.
    func select(row name: String) async -> Bool {
        await press(.character("g"))
        for _ in 0..<30 {
            if selectedLine?.dropFirst(2).hasPrefix("\(name) ") == true { return true }
            await press(.character("j"))
        }
        return false
    }

    /// The screen text with the registry's port replaced, so snapshots do not depend on it.
    /// Settles until the screen satisfies `condition` (work that runs on another clock, such as an
    /// emulator's build), or gives up after `timeout`; returns whether it did.
    func waitFor(timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            await settle()
            if condition(screen) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    var screen: String {
        surface.text.replacingOccurrences(of: #"127\.0\.0\.1:\d+"#, with: "127.0.0.1:PORT", options: .regularExpression)
    }

    /// The line drawn in the selection style, if any.
    var selectedLine: String? {
        (0..<surface.size.rows).first { row in
            surface.cell(row: row, column: 4).style == Theme.builtInDefault[.selection]
        }
        .map { surface.lines[$0] }
    }
}
