import TerminalUI
import Testing

struct InputTests {
    enum Action: String, CaseIterable, Sendable { case up, down, delete, quit }

    @Test(arguments: [
        ("q", Key.character("q")), ("G", .character("G")), ("ctrl-d", .control("d")), ("C-x", .control("x")),
        ("shift-tab", .backTab), ("enter", .enter), ("esc", .escape), ("space", .character(" ")), ("pgdown", .pageDown),
        ("f5", .function(5)), ("shift-n", .character("N")),
    ])
    func keySpecsParse(spec: String, key: Key) {
        #expect(KeySpec.parse(spec) == key)
    }

    @Test func keySpecRejectsNonsense() {
        #expect(KeySpec.parse("ctrl-") == nil)
        #expect(KeySpec.parse("hyper-x") == nil)
        #expect(KeySpec.parse("f99") == nil)
    }

    @Test func overridesReplaceDefaultsAndStealKeys() throws {
        let defaults: [Action: [Key]] = [
            .up: [.up, .character("k")], .down: [.down, .character("j")], .delete: [.control("d")],
            .quit: [.character("q")],
        ]
        let keymap = try Keymap(defaults: defaults, overrides: ["delete": ["D", "k"], "quit": ["ctrl-q"]])
        #expect(keymap.action(for: .character("D")) == .delete)
        #expect(keymap.action(for: .character("k")) == .delete)
        #expect(keymap.action(for: .control("d")) == nil)
        #expect(keymap.action(for: .character("q")) == nil)
        #expect(keymap.keys(for: .up) == [.up])
        #expect(keymap.hint(for: .quit) == "ctrl-q")
    }

    @Test func badOverridesAreReported() {
        #expect(throws: Keymap<Action>.Problem.self) { try Keymap<Action>(defaults: [:], overrides: ["dlete": ["x"]]) }
        #expect(throws: Keymap<Action>.Problem.self) {
            try Keymap<Action>(defaults: [:], overrides: ["delete": ["hyper-x"]])
        }
    }
}
