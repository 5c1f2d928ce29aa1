import Foundation
import RegistryClient
import TerminalUI

/// Sets up and runs the full-screen console on the real terminal.
public enum ConsoleLauncher {
    /// Options from the config: theme (falls back to the default, with the problem shown), keymap
    /// (a bad entry is a config error, reported before the screen is taken), language.
    /// - Throws: `ConfigError` for a keymap entry that names no action or no key.
    public static func options(
        config: Config, theme themeName: String?, readOnly: Bool, environment: [String: String]
    ) throws -> ConsoleApp.Options {
        var options = ConsoleApp.Options()
        options.environment = environment
        options.readOnly = readOnly || config.readOnly
        options.language = Language.choose(configured: config.language, environment: environment)
        do {
            options.keymap = try Keymap(defaults: ConsoleAction.defaultBindings, overrides: config.keymap)
        } catch {
            let suggestion =
                ConsoleAction.allCases.map(\.rawValue).min {
                    EditDistance.between(error.action, $0) < EditDistance.between(error.action, $1)
                }
                .flatMap { EditDistance.between(error.action, $0) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
            throw ConfigError(
                file: config.file ?? Config.defaultPath(environment: environment),
                line: config.keymapLines[error.action], message: "keymap.\(error.action): \(error.message)\(suggestion)"
            )
        }
        let directories = XDGDirectories(environment: environment)
        let loaded = ThemeLoader.load(
            name: themeName ?? config.theme ?? "default",
            directories: ThemeLoader.searchDirectories(configDirectory: directories.config, environment: environment))
        options.theme = loaded.theme
        if let problem = loaded.problem { options.startupProblems.append(problem) }
        return options
    }

    /// Takes over the terminal, runs the console until the user quits (or a signal arrives), and
    /// restores the terminal.
    /// - Parameter timings: a file to append `{"event":…,"time":…}` lines to (benchmarks).
    @MainActor
    public static func run(
        session: RegistrySession, options: ConsoleApp.Options, instance: String?, mouse: Bool, timings: String? = nil
    ) async throws {
        let terminal = try Terminal.start(mouse: mouse, environment: options.environment)
        let loop = EventLoop(terminal: terminal)
        let app = ConsoleApp(session: session, options: options)
        let recorder = timings.map(TimingRecorder.init(path:))
        app.writeRaw = { terminal.writeRaw($0) }
        app.onDisplayRequest = { loop.setNeedsDisplay() }
        loop.onFrame = {
            app.writeHyperlinks()
            recorder?.record("first-frame")
            if let top = app.top, top.owningInstance != nil, !top.isBusy {
                recorder?.record("first-pane-loaded:\(type(of: top))")
            }
        }
        await app.start(instance: instance)
        await loop.run(app)
    }
}

/// Writes the wall-clock time of named events once each, for start-up benchmarks.
final class TimingRecorder {
    private let path: String
    private var seen: Set<String> = []

    init(path: String) { self.path = path }

    func record(_ event: String) {
        guard seen.insert(event).inserted, let handle = FileHandle(forWritingAtPath: path) ?? create() else { return }
        handle.seekToEndOfFile()
        handle.write(Data("{\"event\":\"\(event)\",\"time\":\(Date().timeIntervalSince1970)}\n".utf8))
        try? handle.close()
    }

    private func create() -> FileHandle? {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }
}
