import CNcursesw
import Foundation
import Synchronization

/// What the event loop drives: an app that handles keys and signals and draws frames.
@MainActor
public protocol TerminalApplication: AnyObject {
    /// A key was pressed (or the mouse used).
    func handle(_ key: Key)
    /// The terminal changed size.
    func resized(to size: Size)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    func received(_ signal: Terminal.Signal)
    /// Draws the whole screen.
    func render(on surface: any Surface)
    /// When true, the loop ends and the terminal is restored.
    var isFinished: Bool { get }
}

/// The console's run loop. A reader thread only `poll()`s standard input and the signal pipe and
/// wakes the main actor, which drains keys with non-blocking `wget_wch`, handles them, and redraws
/// at most once per frame. Work finishing elsewhere calls `setNeedsDisplay()`.
@MainActor
public final class EventLoop {
    enum Wake: Sendable {
        case input
        case signal(UInt8)
        case redraw
    }

    private let terminal: Terminal
    private let stream: AsyncStream<Wake>
    private let continuation: AsyncStream<Wake>.Continuation
    private let inputDrained = DispatchSemaphore(value: 0)
    private var needsDisplay = true
    private var redrawScheduled = false
    private var lastFrame = ContinuousClock.now - .seconds(1)
    private let frameInterval: Duration = .milliseconds(16)
    /// Called after each frame is on screen (first-frame timing).
    public var onFrame: (() -> Void)?

    /// A loop over a started terminal.
    public init(terminal: Terminal) {
        self.terminal = terminal
        (stream, continuation) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .unbounded)
    }

    /// Asks for a redraw; frames are coalesced to one per 16 ms.
    public func setNeedsDisplay() {
        needsDisplay = true
        guard !redrawScheduled else { return }
        redrawScheduled = true
        continuation.yield(.redraw)
    }

    /// Runs until the application finishes, then restores the terminal.
    public func run(_ application: any TerminalApplication) async {
        startReader()
        application.resized(to: terminal.surface.size)
        draw(application)
        for await wake in stream {
            switch wake {
            case .input:
                handleKeys(application)
                inputDrained.signal()
                needsDisplay = true
            case .signal(let code):
                switch code {
                case UInt8(ascii: "W"): application.resized(to: terminal.adoptWindowSize())
                case UInt8(ascii: "I"): application.received(.interrupt)
                case UInt8(ascii: "T"): application.received(.terminate)
                default: application.received(.hangup)
                }
                needsDisplay = true
            case .redraw:
                redrawScheduled = false
            }
            if application.isFinished { break }
            if needsDisplay { drawWithinFrameBudget(application) }
        }
        terminal.stop()
    }

    /// The terminal is in raw mode, so ctrl-c and ctrl-z arrive as keys: ctrl-c quits like SIGINT,
    /// ctrl-z suspends like a shell job; every other key (ctrl-\ included) goes to the application.
    private func handleKeys(_ application: any TerminalApplication) {
        for key in terminal.readKeys() {
            switch key {
            case .control("c"): application.received(.interrupt)
            case .control("z"): application.resized(to: terminal.suspend())
            default: application.handle(key)
            }
            if application.isFinished { return }
        }
    }

    private func drawWithinFrameBudget(_ application: any TerminalApplication) {
        let elapsed = ContinuousClock.now - lastFrame
        if elapsed >= frameInterval {
            draw(application)
        } else if !redrawScheduled {
            redrawScheduled = true
            let wait = frameInterval - elapsed
            let continuation = continuation
            Task {
                try? await Task.sleep(for: wait)
                continuation.yield(.redraw)
            }
        }
    }

    private func draw(_ application: any TerminalApplication) {
        needsDisplay = false
        lastFrame = ContinuousClock.now
        terminal.beginFrame()
        application.render(on: terminal.surface)
        terminal.endFrame()
        onFrame?()
    }

    /// The reader thread: poll, wake the main actor, wait until it has drained the input. A hang-up,
    /// an error, or end of input (readable with nothing to read) ends it with a hang-up signal, so a
    /// dead terminal cannot make it spin; in the background it waits for the foreground.
    private func startReader() {
        let continuation = continuation
        let drained = inputDrained
        let signals = terminal.signalReadDescriptor
        let thread = Thread {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
            ]
            let closed = Int16(POLLHUP | POLLERR | POLLNVAL)
            while true {
                let ready = poll(&descriptors, 2, -1)
                if ready < 0 { if errno == EINTR { continue } else { break } }
                if descriptors[1].revents & Int16(POLLIN) != 0 {
                    var code: UInt8 = 0
                    if read(signals, &code, 1) == 1 { continuation.yield(.signal(code)) }
                }
                let input = descriptors[0].revents
                var pending: Int32 = 0
                let endOfInput = input & Int16(POLLIN) != 0 && cncw_input_pending(&pending) && pending == 0
                if input & closed != 0 || endOfInput {
                    continuation.yield(.signal(UInt8(ascii: "H")))
                    break
                }
                if input & Int16(POLLIN) != 0 {
                    continuation.yield(.input)
                    drained.wait()
                    cncw_wait_for_foreground()
                }
            }
        }
        thread.name = "regconsole-input"
        thread.start()
    }
}
