import Foundation
import RegistryClient
import TerminalUI

/// A build's log: line number, stage and message, sanitized when drawn. While the build runs new
/// lines arrive as the server writes them; following (`f`) keeps the end in view. `/` searches
/// (`n` and `N` move between matches), `G` and `g` jump to the end and the top. When the build
/// ends the screen stays, with its final status.
@MainActor
final class BuildLogScreen: Screen, KeyCapturing {
    let instance: Instance
    var owningInstance: Instance? { instance }
    private unowned let context: any PaneContext
    private let provider: any BuildManaging
    private let repository: String
    private(set) var record: BuildRecord
    private(set) var lines: [BuildLogLine] = []
    private var view = TextView()
    /// New lines scroll to the end.
    private(set) var following = true
    /// Before the first answer from the server.
    private var isReading = false
    private var failure: String?
    private var reader: Task<Void, Never>?
    private var started = false
    private var search = ""
    /// The indexes of the lines that match the search, and the one shown.
    private var matches: [Int] = []
    private var current = 0
    /// The pause between reads of a running build's log.
    static let interval: Duration = .seconds(1)

    init(
        context: any PaneContext, instance: Instance, provider: any BuildManaging, repository: String,
        record: BuildRecord
    ) {
        self.context = context
        self.instance = instance
        self.provider = provider
        self.repository = repository
        self.record = record
    }

    var crumb: String { BuildRecordList.shortID(record.id) }
    var title: String { "\(context.catalog[.buildLog]) · \(repository) · \(BuildRecordList.shortID(record.id))" }
    var counter: String { context.catalog[.logLineCount, lines.count] }
    var isBusy: Bool { isReading }
    var location: ViewLocation {
        ViewLocation(instance: instance.name, namespace: Namespace.of(repository: repository), repository: repository)
    }
    var filterText: String? { search }
    var actions: [ConsoleAction] { [.follow, .filter, .bottom, .top, .back] }

    func appear() {
        guard !started else { return }
        started = true
        read()
    }

    func refresh() {
        lines = []
        failure = nil
        render()
        read()
    }

    func close() { reader?.cancel() }

    func settle() async {
        while isReading, reader != nil { try? await Task.sleep(for: .milliseconds(10)) }
    }

    /// Reads the log from the start, and on while the build runs.
    private func read() {
        reader?.cancel()
        isReading = true
        if record.status.isRunning {
            context.buildWatcher.watch(record.id, repository: repository, provider: provider)
        }
        let follower = BuildLogFollower(
            provider: provider, repository: repository, recordID: record.id, interval: Self.interval)
        reader = Task { [weak self, provider, repository, id = record.id] in
            do {
                for try await event in follower.events(follow: true) {
                    guard let self, !Task.isCancelled else { return }
                    self.isReading = false
                    switch event {
                    case .lines(let new): self.append(new)
                    case .finished(let status):
                        self.record.status = status
                        if let record = try? await provider.buildRecord(repository: repository, id: id) {
                            self.record = record
                        }
                    }
                    self.context.requestDisplay()
                }
            } catch {
                guard let self, !Task.isCancelled, !(error is CancellationError) else { return }
                self.failure = self.context.catalog[.logFailed, self.context.catalog.describe(error)]
            }
            self?.isReading = false
            self?.context.requestDisplay()
        }
    }

    private func append(_ new: [BuildLogLine]) {
        lines += new
        render()
        if following { _ = view.handle(.end) }
    }

    /// Rebuilds the view's lines: the number right-aligned, the stage, the message; matches of the
    /// search marked, the current one selected.
    private func render() {
        let digits = String(lines.last?.number ?? 0).count
        let stageWidth = min(12, lines.map { DisplayWidth.of($0.stage ?? "") }.max() ?? 0)
        let needle = search.lowercased()
        matches = needle.isEmpty ? [] : lines.indices.filter { lines[$0].message.lowercased().contains(needle) }
        current = min(current, max(0, matches.count - 1))
        let selected: Int? = matches.isEmpty ? nil : matches[current]
        let matching = Set(matches)
        view.lines = lines.enumerated().map { index, line in
            let number = String(line.number)
            let message: ThemeRole =
                index == selected ? .selection : matching.contains(index) ? .warning : .text
            var runs = [StyledLine.Run(String(repeating: " ", count: digits - number.count) + number + " ", .muted)]
            if stageWidth > 0 { runs.append(.init(DisplayWidth.fit(line.stage ?? "", to: stageWidth) + " ", .title)) }
            runs.append(.init(line.message, message))
            return StyledLine(runs)
        }
    }

    func setFilter(_ text: String) throws(FilterQuery.InvalidPattern) {
        search = text
        current = 0
        render()
        guard !matches.isEmpty else { return }
        current = matches.firstIndex { $0 >= view.top } ?? 0
        show(current)
    }

    /// Selects match `index` and scrolls it into view; following stops so it stays there.
    private func show(_ index: Int) {
        current = index
        following = false
        render()
        view.scroll(toLine: matches[index])
    }

    /// `n` and `N` move between matches while a search is on.
    func capture(_ key: Key) -> Bool {
        guard !matches.isEmpty, key == .character("n") || key == .character("N") else { return false }
        let step = key == .character("n") ? 1 : matches.count - 1
        show((current + step) % matches.count)
        return true
    }

    func perform(_ action: ConsoleAction) -> Bool {
        switch action {
        case .follow:
            following.toggle()
            if following { _ = view.handle(.end) }
            return true
        case .up, .pageUp, .top:
            following = false
        default:
            break
        }
        return view.navigate(action)
    }

    func handleMouse(_ event: MouseEvent, in rect: Rect) { _ = view.handle(.mouse(event)) }

    func draw(on surface: any Surface, in rect: Rect, theme: Theme) {
        statusLine.draw(
            on: surface, at: Point(row: rect.row, column: rect.column + 1), width: rect.columns - 2, theme: theme)
        let body = rect.inset(top: 1, left: 1, right: 1)
        if lines.isEmpty {
            // A log that could not be read says why where its lines would be.
            let empty = isReading ? context.catalog[.loading] : failure ?? context.catalog[.logEmpty]
            surface.draw(
                empty, at: Point(row: body.row + 1, column: body.column + 1),
                style: theme[failure == nil ? .muted : .error], width: body.columns - 2)
        }
        view.draw(on: surface, in: body, theme: theme)
    }

    /// The build's status and length, following or paused, the search, and a read failure (shown
    /// in the body instead while there are no lines).
    private var statusLine: StyledLine {
        let catalog = context.catalog
        var runs: [StyledLine.Run] = [
            .init(catalog.buildStatus(record.status), BuildRecordList.role(of: record.status))
        ]
        if let seconds = record.duration(now: context.now) { runs.append(.init(" · " + catalog.duration(seconds))) }
        runs.append(.init(" · " + catalog[following ? .logFollowing : .logPaused], following ? .ok : .muted))
        if !search.isEmpty {
            let found =
                matches.isEmpty ? catalog[.logNoMatch, search] : catalog[.logMatch, search, current + 1, matches.count]
            runs.append(.init(" · " + found, .muted))
        }
        if let failure, !lines.isEmpty { runs.append(.init(" · " + failure, .error)) }
        return StyledLine(runs)
    }
}
