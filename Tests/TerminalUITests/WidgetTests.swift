import Foundation
import TerminalUI
import Testing

@MainActor
struct WidgetTests {
    struct Item: Identifiable {
        var id: String
        var size: Int
    }

    private func table(_ count: Int, built: (inout Int) -> Void = { _ in }) -> Table<Item> {
        Table(
            columns: [
                TableColumn("NAME", width: .fit(min: 4, max: 12)) { $0.id },
                TableColumn("SIZE", width: .fit(min: 4, max: 8), alignRight: true) { String($0.size) },
                TableColumn("NOTE", width: .flexible(min: 4)) { "n\($0.size)" },
            ], count: count, sortColumn: 0, emptyText: "nothing here"
        ) { Item(id: "row-\($0)", size: $0 * 10) }
    }

    @Test func tableDrawsOnlyVisibleRowsAlignedAndSorted() {
        let surface = MemorySurface(size: Size(rows: 6, columns: 40))
        var state = TableState<String>()
        var built = 0
        let counting = Table<Item>(
            columns: [TableColumn("NAME", width: .fit(min: 4, max: 12)) { $0.id }], count: 100_000
        ) { index in
            built += 1
            return Item(id: "row-\(index)", size: index)
        }
        counting.draw(on: surface, in: Rect(surface.size), state: &state, theme: .builtInDefault)
        #expect(built == 5)
        #expect(state.pageSize == 5)

        table(3).draw(on: surface, in: Rect(surface.size), state: &state, theme: .builtInDefault)
        #expect(surface.lines[0] == "  NAME↓  SIZE NOTE")
        #expect(surface.lines[1] == "  row-0     0 n0")
        #expect(surface.lines[3] == "  row-2    20 n20")
        #expect(surface.cell(row: 1, column: 5).style == Theme.builtInDefault[.selection])
    }

    @Test func selectionFollowsIdentityAcrossReloads() {
        var state = TableState<String>()
        var ids = ["a", "b", "c", "d"]
        state.select(2, count: ids.count) { ids[$0] }
        #expect(state.selectedID == "c")
        ids = ["z", "d", "c", "a"]
        state.reconcile(count: ids.count) { ids[$0] }
        #expect(state.selectedIndex == 2)
        ids = ["z", "a"]
        state.reconcile(count: ids.count) { ids[$0] }
        #expect(state.selectedIndex == 1)
        #expect(state.selectedID == "a")
        state.toggleMark()
        #expect(state.marks == ["a"])
    }

    @Test func emptyTableShowsItsText() {
        let surface = MemorySurface(size: Size(rows: 5, columns: 30))
        var state = TableState<String>()
        table(0).draw(on: surface, in: Rect(surface.size), state: &state, theme: .builtInDefault)
        #expect(surface.lines[2] == "  nothing here")
    }

    @Test func emptyTableTextKeepsItsLines() {
        var empty = table(0)
        empty.emptyText = "No rows.\nAdd one\nor two"
        var state = TableState<String>()
        let surface = MemorySurface(size: Size(rows: 4, columns: 30))
        empty.draw(on: surface, in: Rect(surface.size), state: &state, theme: .builtInDefault)
        #expect(surface.lines == ["  NAME↓  SIZE NOTE", "", "  No rows.", "  Add one"])
    }

    @Test func wideCharactersTakeTwoCellsAndEscapesAreNeutralized() {
        let surface = MemorySurface(size: Size(rows: 1, columns: 10))
        let written = surface.draw("镜像\u{1B}[2Jx", at: Point(row: 0, column: 0), style: .plain)
        #expect(surface.lines[0] == "镜像␛[2Jx")
        #expect(written == 9)
        #expect(surface.cell(row: 0, column: 1).text == "")
        surface.draw("仓库仓库仓库", at: Point(row: 0, column: 0), style: .plain, width: 5)
        #expect(surface.lines[0].hasPrefix("仓库…"))
    }

    @Test func lineEditorEdits() {
        var editor = LineEditor("tags ns")
        let typedSlash = editor.handle(.character("/"))
        let typedA = editor.handle(.character("a"))
        #expect(typedSlash && typedA)
        #expect(editor.text == "tags ns/a")
        _ = editor.handle(.control("w"))
        #expect(editor.text == "tags ")
        _ = editor.handle(.home)
        _ = editor.handle(.delete)
        #expect(editor.text == "ags ")
        let tookEnter = editor.handle(.enter)
        #expect(!tookEnter)
        _ = editor.handle(.control("u"))
        #expect(editor.text.isEmpty)
    }

    @Test func confirmDialogNeedsTheTypedPhrase() {
        var dialog = ConfirmDialog(
            title: "Delete", body: [StyledLine("delete x")], confirmLabel: "Delete", cancelLabel: "Cancel",
            typedPhrase: "delete 12")
        let emptyEnter = dialog.handle(.enter)
        #expect(emptyEnter == .pending)
        for character in "delete 1" { _ = dialog.handle(.character(character)) }
        let partialEnter = dialog.handle(.enter)
        #expect(partialEnter == .pending)
        _ = dialog.handle(.character("2"))
        let fullEnter = dialog.handle(.enter)
        #expect(fullEnter == .confirmed)

        var plain = ConfirmDialog(title: "Delete", body: [], confirmLabel: "OK", cancelLabel: "Cancel")
        let firstEnter = plain.handle(.enter)
        #expect(firstEnter == .cancelled, "Cancel has the focus")
        _ = plain.handle(.tab)
        let afterTab = plain.handle(.enter)
        #expect(afterTab == .confirmed)
        let escape = plain.handle(.escape)
        #expect(escape == .cancelled)
    }

    @Test func formMovesFocusAndEditsFields() {
        var form = Form(fields: [
            Form.Field(id: "count", label: "Keep", value: .text(LineEditor("5"))),
            Form.Field(id: "auto", label: "Auto", value: .toggle(false)),
            Form.Field(id: "schedule", label: "Schedule", value: .choice(["WEEK", "MONTH"], selected: 0)),
        ])
        let edited = form.handle(.character("0"))
        #expect(edited && form["count"]?.text == "50")
        let movedChangesNothing = form.handle(.tab)
        #expect(!movedChangesNothing)
        let toggled = form.handle(.character(" "))
        #expect(toggled && form["auto"]?.text == "true")
        _ = form.handle(.tab)
        let chose = form.handle(.right)
        #expect(chose && form["schedule"]?.text == "MONTH")
        form["count"]?.error = "must be at least 1"
        #expect(!form.isValid)
        let surface = MemorySurface(size: Size(rows: 6, columns: 40))
        form.draw(on: surface, in: Rect(surface.size), theme: .builtInDefault)
        #expect(surface.lines[0].hasPrefix("Keep"))
        #expect(surface.lines[1].contains("must be at least 1"))
        #expect(surface.lines[4].contains("‹ MONTH ›"))
    }

    @Test func jsonHighlightingKeepsOrderAndRoles() {
        let lines = JSONHighlighter.lines(Data(#"{"b":1,"a":[true,"x"],"e":{}}"#.utf8))
        #expect(
            lines.map(\.plain) == [
                "{", #"  "b": 1,"#, #"  "a": ["#, "    true,", #"    "x""#, "  ],", #"  "e": {}"#, "}",
            ])
        #expect(lines[1].runs.first { $0.text == #""b""# }?.role == .jsonKey)
        #expect(lines[3].runs.first { $0.text == "true" }?.role == .jsonLiteral)
        #expect(JSONHighlighter.lines(Data(#"{"broken": [1,"#.utf8)).count > 1)
    }

    @Test func longLinesWrapAtSpaces() {
        let wrapped = StyledLine("refuse 1.10.0: shares digest with latest", .warning).wrapped(to: 16)
        #expect(wrapped.map(\.plain) == ["refuse 1.10.0:", "shares digest", "with latest"])
        #expect(wrapped.allSatisfy { $0.runs.first?.role == .warning })
    }
}
