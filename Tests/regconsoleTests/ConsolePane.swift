import Foundation
import TestSupport
import Testing

/// The console in a tmux pane whose shell, once the console ends, reports how it left the terminal.
enum ConsolePane {
    /// The last line the shell prints after the console, once the terminal modes are out.
    private static let endMarker = "MODES-END"

    /// Runs the console (no core files), then prints `EXIT=<status>`, `stty -a` and the end marker.
    static let command =
        "ulimit -c 0; '\(TestPaths.regconsole.path)'; echo \"EXIT=$?\"; stty -a; echo \(endMarker); sleep 600"

    /// Waits for the shell's report and expects exit status `status`, cooked mode with echo and
    /// signals, the main screen and a visible cursor. Returns the screen.
    @discardableResult
    static func expectRestored(
        _ tmux: TmuxSession, status: Int32, _ context: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let screen = try await tmux.waitFor(endMarker)
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("EXIT=\(status)"), "\(context)\n\(screen)", sourceLocation: sourceLocation)
        let modes = screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        #expect(
            modes.contains("icanon") && modes.contains("echo") && modes.contains("isig"),
            "\(context) cooked mode not restored:\n\(screen)", sourceLocation: sourceLocation)
        let screenModes = try tmux.screenModes()
        #expect(
            !screenModes.alternateScreen, "\(context) still on the alternate screen", sourceLocation: sourceLocation)
        #expect(screenModes.cursorVisible, "\(context) cursor still hidden", sourceLocation: sourceLocation)
        return screen
    }
}
