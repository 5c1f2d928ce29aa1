import Foundation
import RegistryClient
import TerminalUI

/// Everything around the pane: the header (brand, breadcrumbs, spinner), the title line (title,
/// counter, filter), the prompt or flash line, the status bar (the keys that matter now and the
/// instance's flags), and the help overlay's sections. Built for each frame from the app's state.
@MainActor
struct ConsoleChrome {
    /// The line being typed at the bottom, if any.
    enum Prompt {
        case command(LineEditor, suggestion: String?)
        case filter(LineEditor)
    }

    let theme: Theme
    let catalog: Catalog
    let keymap: Keymap<ConsoleAction>
    /// The panes, bottom first.
    let stack: [any Screen]
    let instance: Instance?
    let isReadOnly: Bool
    /// The spinner's frame, when something is loading.
    let spinner: String?
    let prompt: Prompt?
    let filterProblem: String?
    let flash: Flash?
    let now: Date
    /// Whether a form dialog has the keys (the status bar says how to move between fields).
    let isEditingForm: Bool

    private var top: (any Screen)? { stack.last }

    /// Draws the header and title lines, and the prompt, flash and status lines.
    func draw(on surface: any Surface) {
        let full = Rect(surface.size)
        drawHeader(on: surface, in: Rect(row: 0, column: 0, rows: 1, columns: full.columns))
        drawTitle(on: surface, in: Rect(row: 1, column: 0, rows: 1, columns: full.columns))
        drawPromptOrFlash(on: surface, in: Rect(row: full.rows - 2, column: 0, rows: 1, columns: full.columns))
        statusBar.draw(
            on: surface, in: Rect(row: full.rows - 1, column: 0, rows: 1, columns: full.columns), theme: theme)
    }

    private func drawHeader(on surface: any Surface, in rect: Rect) {
        let brand = surface.draw(" regconsole ", at: Point(row: rect.row, column: 0), style: theme[.title])
        let crumbs = stack.dropFirst().map(\.crumb)
        let spinner = spinner.map { $0 + " " } ?? ""
        let room = rect.columns - brand - DisplayWidth.of(spinner) - 1
        Breadcrumbs.draw(
            [catalog[.instances]] + crumbs, on: surface, in: Rect(row: rect.row, column: brand, rows: 1, columns: room),
            theme: theme)
        if !spinner.isEmpty {
            surface.draw(
                spinner, at: Point(row: rect.row, column: rect.columns - DisplayWidth.of(spinner)), style: theme[.title]
            )
        }
    }

    private func drawTitle(on surface: any Surface, in rect: Rect) {
        guard let top else { return }
        var column = surface.draw(
            " " + top.title + " ", at: Point(row: rect.row, column: 0), style: theme[.title], width: rect.columns / 2)
        column += surface.draw("[\(top.counter)]", at: Point(row: rect.row, column: column), style: theme[.muted])
        if let filterProblem {
            surface.draw(
                "  " + filterProblem, at: Point(row: rect.row, column: column), style: theme[.error],
                width: rect.columns - column)
        } else if let filter = top.filterText, !filter.isEmpty {
            surface.draw(
                "  /" + filter, at: Point(row: rect.row, column: column), style: theme[.prompt],
                width: rect.columns - column)
        }
    }

    private func drawPromptOrFlash(on surface: any Surface, in rect: Rect) {
        let start = Point(row: rect.row, column: 0)
        switch prompt {
        case .command(let editor, let suggestion):
            editor.draw(
                on: surface, at: start, width: rect.columns, prefix: ":", prefixStyle: theme[.prompt],
                style: theme[.promptInput],
                suggestion: suggestion, suggestionStyle: theme[.suggestion])
        case .filter(let editor):
            editor.draw(
                on: surface, at: start, width: rect.columns, prefix: "/", prefixStyle: theme[.prompt],
                style: theme[.promptInput])
        case nil:
            flash?.draw(on: surface, in: rect, theme: theme, now: now)
        }
    }

    private var statusBar: StatusBar {
        let role: ThemeRole =
            instance.map { $0.production ? .statusProduction : (isReadOnly ? .statusReadOnly : .status) } ?? .status
        var trailing = instance.map { "\($0.name) \($0.kind.rawValue)" } ?? ""
        if let instance {
            if instance.production { trailing += " · " + catalog[.flagProduction] }
            if isReadOnly { trailing += " · " + catalog[.flagReadOnly] }
            if instance.insecure { trailing += " · " + catalog[.flagInsecure] }
        }
        guard !isEditingForm else {
            let formKeys: [(String, Message)] = [
                ("tab", .hintNextField), ("shift-tab", .hintPreviousField), ("enter", .hintSave), ("esc", .hintCancel),
            ]
            return StatusBar(
                hints: formKeys.map { StatusBar.Hint(key: $0.0, label: catalog[$0.1]) }, trailing: trailing, role: role)
        }
        let shown = (top?.actions ?? []).filter { !ConsoleAction.helpOnly.contains($0) }
        return StatusBar(hints: hints(shown + [.quit]), pinned: hints([.help]), trailing: trailing, role: role)
    }

    private func hints(_ actions: [ConsoleAction]) -> [StatusBar.Hint] {
        actions.compactMap { action in
            keymap.hint(for: action).map { StatusBar.Hint(key: $0, label: catalog[action.message]) }
        }
    }

    /// The help overlay: the pane's own keys (every one it handles), moving, general keys, the
    /// `:` commands and the filter syntax.
    var helpSections: [HelpOverlay.Section] {
        func entries(_ actions: [ConsoleAction]) -> [(keys: String, description: String)] {
            actions.compactMap { action in
                let keys = keymap.keys(for: action).map(KeySpec.name)
                return keys.isEmpty ? nil : (keys.joined(separator: " "), catalog[action.message])
            }
        }
        let pane = (top?.actions ?? []).filter {
            !ConsoleAction.navigation.contains($0) && !ConsoleAction.general.contains($0)
        }
        let commands =
            PaneRoute.all.map { ($0.usage, $0.summary(catalog)) } + [
                (":instances", catalog[.commandInstances]), (":help", catalog[.commandHelp]),
                (":q", catalog[.commandQuit]),
            ]
        // Usages are long: each line is "usage   what it does", not a key column.
        return [
            HelpOverlay.Section(title: catalog[.helpPane] + " — " + (top?.title ?? ""), entries: entries(pane)),
            HelpOverlay.Section(title: catalog[.helpNavigation], entries: entries(ConsoleAction.navigation)),
            HelpOverlay.Section(title: catalog[.helpGeneral], entries: entries(ConsoleAction.general)),
            HelpOverlay.Section(
                title: catalog[.helpCommands], entries: commands.map { (keys: "", description: $0.0 + "   " + $0.1) }),
            HelpOverlay.Section(title: catalog[.helpFilter], entries: [("", catalog[.filterSyntax])]),
        ]
    }
}
