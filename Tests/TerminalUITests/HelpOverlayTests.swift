import TerminalUI
import Testing

@MainActor
struct HelpOverlayTests {
    /// A 10×54 screen: the overlay box spans rows 1–8 and columns 2–51, six lines of content.
    private let surface = MemorySurface(size: Size(rows: 10, columns: 54))

    private func draw(_ view: inout TextView) {
        surface.reset()
        HelpOverlay.draw(&view, title: "Keys", on: surface, in: Rect(surface.size), theme: .builtInDefault)
    }

    /// Handles a key, redraws, and says whether the key scrolled.
    private func press(_ key: Key, _ view: inout TextView) -> Bool {
        let handled = view.handle(key)
        draw(&view)
        return handled
    }

    private func content(_ text: String) -> String {
        "  │ " + text + String(repeating: " ", count: 47 - text.count) + "│"
    }

    private func bottom(_ indicator: String) -> String {
        "  └" + String(repeating: "─", count: 47 - indicator.count) + indicator + "─┘"
    }

    @Test func tallContentShowsWhereTheViewIsAndScrolls() {
        var view = TextView(lines: (1...12).map { StyledLine("line \($0)") })
        draw(&view)
        #expect(surface.lines[1] == "  ┌─ Keys " + String(repeating: "─", count: 41) + "┐")
        #expect(surface.lines[2] == content("line 1"))
        #expect(surface.lines[7] == content("line 6"))
        #expect(surface.lines[8] == bottom(" ↓ 6/12 "))

        #expect(press(.pageDown, &view))
        #expect(surface.lines[2] == content("line 6"))
        #expect(surface.lines[8] == bottom(" ↑↓ 11/12 "))

        #expect(press(.character("G"), &view))
        #expect(surface.lines[7] == content("line 12"))
        #expect(surface.lines[8] == bottom(" ↑ 12/12 "))

        #expect(press(.character("k"), &view))
        #expect(surface.lines[2] == content("line 6"))
        #expect(surface.lines[8] == bottom(" ↑↓ 11/12 "))

        #expect(press(.home, &view))
        #expect(surface.lines[2] == content("line 1"))
        #expect(surface.lines[8] == bottom(" ↓ 6/12 "))
    }

    @Test func contentThatFitsHasNoIndicator() {
        var view = TextView(lines: (1...4).map { StyledLine("line \($0)") })
        draw(&view)
        #expect(surface.lines[2] == "  ┌─ Keys " + String(repeating: "─", count: 41) + "┐")
        #expect(surface.lines[7] == "  └" + String(repeating: "─", count: 48) + "┘")
    }
}
