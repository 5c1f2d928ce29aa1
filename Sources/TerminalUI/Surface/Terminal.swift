import CNcursesw
import Foundation

/// The real terminal under ncurses: start-up, restore, keys, resize and raw escape output.
/// Signals (resize, interrupt, terminate, hang-up) arrive as bytes on a pipe that the event loop
/// polls, so curses is only ever touched on the main thread.
@MainActor
public final class Terminal {
    /// What the signal pipe reports.
    public enum Signal: Sendable {
        case resize, interrupt, terminate, hangup
    }

    /// The screen to draw on.
    public let surface: CursesSurface
    /// The colours the terminal shows, after `NO_COLOR` and `TERM=dumb`.
    public let colorDepth: ColorDepth
    let signalReadDescriptor: Int32
    private var stopped = false

    /// A terminal that could not be started.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes over the terminal. Call `TerminalLocale.configure()` first.
    /// - Throws: `StartError` when standard input or output is not a terminal.
    public static func start(
        mouse: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Terminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw StartError(
                description:
                    "the console needs a terminal on standard input and output; use the subcommands (regconsole --help) in scripts"
            )
        }
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw StartError(description: "cannot create the signal pipe") }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(descriptors[1], F_SETFL, O_NONBLOCK)
        // A background job waits for the foreground before touching the terminal.
        cncw_wait_for_foreground()
        // Handlers go in before initscr, so ncurses keeps its own SIGWINCH handler out.
        cncw_install_signal_handlers(descriptors[1])
        guard cncw_start(mouse) else {
            throw StartError(description: "cannot initialise the terminal (TERM=\(environment["TERM"] ?? ""))")
        }
        let depth = ColorDepth.detect(colors: Int(cncw_colors()), environment: environment)
        return Terminal(surface: CursesSurface(depth: depth), colorDepth: depth, signalReadDescriptor: descriptors[0])
    }

    private init(surface: CursesSurface, colorDepth: ColorDepth, signalReadDescriptor: Int32) {
        self.surface = surface
        self.colorDepth = colorDepth
        self.signalReadDescriptor = signalReadDescriptor
    }

    /// Restores the terminal (cooked mode, cursor, main screen). Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        cncw_stop()
    }

    /// Suspends the console like a shell job (ctrl-z): restores the terminal, stops, and on `fg`
    /// takes the terminal back; returns the window size, which may have changed meanwhile.
    func suspend() -> Size {
        cncw_suspend()
        return adoptWindowSize()
    }

    /// Every key waiting in the input queue.
    func readKeys() -> [Key] {
        var keys: [Key] = []
        var value: Int32 = 0
        while true {
            let kind = cncw_read_key(&value)
            if kind == 0 { break }
            if let key = KeyDecoder.decode(kind: kind, value: value) { keys.append(key) }
        }
        return keys
    }

    /// Adopts the kernel's idea of the window size after SIGWINCH.
    func adoptWindowSize() -> Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if cncw_terminal_size(&rows, &columns) { cncw_resize(rows, columns) }
        cncw_clear_on_next_refresh()
        return surface.size
    }

    /// Starts a frame: clears the off-screen buffer.
    func beginFrame() { cncw_erase() }

    /// Sends the frame to the terminal (ncurses transmits only what changed).
    func endFrame() { cncw_refresh() }

    /// Writes an escape sequence straight to the terminal (OSC 52, OSC 8), after curses' output.
    public func writeRaw(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }
}
