/// One line of text made of differently styled runs.
public struct StyledLine: Sendable, Equatable {
    /// A run of text and its style role.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var role: ThemeRole
        public init(_ text: String, _ role: ThemeRole = .text) {
            self.text = text
            self.role = role
        }
    }

    public var runs: [Run]

    public init(_ runs: [Run]) { self.runs = runs }

    /// A line of plain text in one role.
    public init(_ text: String, _ role: ThemeRole = .text) { self.runs = [Run(text, role)] }

    /// The text without styles.
    public var plain: String { runs.map(\.text).joined() }

    /// The line broken at spaces into lines of at most `width` columns (a word longer than the
    /// width is cut); every piece keeps the first run's style.
    public func wrapped(to width: Int) -> [StyledLine] {
        let text = plain
        guard width > 0, DisplayWidth.of(text) > width else { return [self] }
        let role = runs.first?.role ?? .text
        var lines: [StyledLine] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(StyledLine(current, role)) }
            var rest = word
            while DisplayWidth.of(rest) > width {
                let piece = DisplayWidth.clip(rest, to: width)
                lines.append(StyledLine(piece, role))
                rest = String(rest.dropFirst(piece.count))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(StyledLine(current, role)) }
        return lines
    }

    /// Draws the runs from `point`, cut at `width` columns and shifted left by `skip` columns.
    @MainActor
    public func draw(on surface: any Surface, at point: Point, width: Int, theme: Theme, skip: Int = 0) {
        var column = point.column
        var toSkip = skip
        for run in runs {
            var text = Sanitizer.clean(run.text)
            if toSkip > 0 {
                let runWidth = DisplayWidth.of(text)
                if runWidth <= toSkip {
                    toSkip -= runWidth
                    continue
                }
                text = DisplayWidth.dropLeading(text, columns: toSkip).rest
                toSkip = 0
            }
            let room = point.column + width - column
            guard room > 0 else { return }
            column += surface.draw(
                text, at: Point(row: point.row, column: column), style: theme[run.role], width: room, ellipsis: false)
        }
    }
}
