import Foundation
import RegistryClient
import TerminalUI

/// A finished job's log (a replication task's, a webhook job's), read once and shown line by line
/// with control characters replaced. `G` and `g` jump to the end and the top; ctrl-r reads again.
@MainActor
final class JobLogScreen: Screen {
    let instance: Instance
    var owningInstance: Instance? { instance }
    let crumb: String
    let title: String
    private unowned let context: any PaneContext
    private let load: @Sendable () async throws -> String
    private var view = TextView()
    private(set) var lineCount = 0
    private var reader: Task<Void, Never>?
    private var started = false

    /// A screen that shows what `load` reads.
    init(
        context: any PaneContext, instance: Instance, crumb: String, title: String,
        load: @escaping @Sendable () async throws -> String
    ) {
        self.context = context
        self.instance = instance
        self.crumb = crumb
        self.title = title
        self.load = load
    }

    var counter: String { context.catalog[.logLineCount, lineCount] }
    var isBusy: Bool { reader != nil }
    var location: ViewLocation { ViewLocation(instance: instance.name) }
    var actions: [ConsoleAction] { [.bottom, .top, .refresh, .back] }

    func appear() {
        guard !started else { return }
        started = true
        read()
    }

    func refresh() { read() }

    func close() { reader?.cancel() }

    func settle() async { await reader?.value }

    private func read() {
        reader?.cancel()
        view.set([StyledLine(context.catalog[.loading], .muted)])
        reader = Task { [weak self, load] in
            let lines: [StyledLine]
            do {
                lines = Self.lines(try await load())
            } catch {
                guard let self, !Task.isCancelled else { return }
                lines = [StyledLine(self.context.catalog.describe(error), .error)]
            }
            guard let self, !Task.isCancelled else { return }
            self.lineCount = lines.count
            self.view.set(lines.isEmpty ? [StyledLine(self.context.catalog[.emptyLog], .muted)] : lines)
            self.reader = nil
            self.context.requestDisplay()
        }
    }

    /// The log's lines (LF or CRLF), sanitized, `[ERROR]` lines in the error colour.
    static func lines(_ log: String) -> [StyledLine] {
        var lines = log.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { line in
            let text = Sanitizer.clean(String(line))
            let role: ThemeRole = text.contains("[ERROR]") || text.contains("[FATAL]") ? .error : .text
            return StyledLine(text, role)
        }
    }

    func perform(_ action: ConsoleAction) -> Bool { view.navigate(action) }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        view.draw(on: surface, in: rect.inset(top: 1, left: 1, right: 1), theme: theme)
    }
}
