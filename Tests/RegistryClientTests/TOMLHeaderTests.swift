import RegistryClient
import Testing

/// Table headers the bundled TOML parser would abort on are refused with a line; `[` inside
/// strings, comments and multi-line values is not a header.
struct TOMLHeaderTests {
    static let badHeaders: [(text: String, line: Int)] = [
        ("[)]\n", 1),
        ("theme = \"x\"\n\n  [ `tyles]\n", 3),
        ("[keymap]\nquit = \"q\"\n[[\n", 3),
        ("a = \"\"\"\n[ok\n\"\"\"\n[[ )]]\n", 4),
    ]

    @Test(arguments: badHeaders)
    func headerWithoutAKeyIsAnErrorWithItsLine(_ bad: (text: String, line: Int)) {
        #expect {
            try TOMLSection.parse(bad.text, file: "rc.toml")
        } throws: { error in
            (error as? ConfigError) == ConfigError(file: "rc.toml", line: bad.line, message: "invalid TOML: a table header needs a key after '['")
        }
    }

    @Test func bracketsInsideValuesStringsAndCommentsAreNotHeaders() throws {
        let root = try TOMLSection.parse(
            """
            nested = [
              [ [1] ],
              [{ a = 1 }],
            ]
            text = \"\"\"
            [)]
            \"\"\"
            quoted = "[)] \\" ["
            literal = '[)'
            # [)]
            [ "odd key" ]
            k = 1
            """, file: "rc.toml")
        #expect(root.keys.sorted() == ["literal", "nested", "odd key", "quoted", "text"])
        #expect(try root.string("text") == "[)]\n")
        #expect(try root.section("odd key")?.int("k") == 1)
    }
}
