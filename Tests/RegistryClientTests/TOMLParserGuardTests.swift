import RegistryClient
import Testing

/// TOML the bundled parser would abort on (a header without a key, a `}` inside an array) is refused
/// with a line; brackets inside strings, comments and values are not mistaken for them.
struct TOMLParserGuardTests {
    static let header = "invalid TOML: a table header needs a key after '['"
    static let brace = "invalid TOML: '}' inside an array"
    static let aborting: [(text: String, line: Int, message: String)] = [
        ("[)]\n", 1, header),
        ("theme = \"x\"\n\n  [ `tyles]\n", 3, header),
        ("[keymap]\nquit = \"q\"\n[[\n", 3, header),
        ("a = \"\"\"\n[ok\n\"\"\"\n[[ )]]\n", 4, header),
        ("[keymap]\nquit = [\"q\",\n}r \"ctrl-c\"]\n", 3, brace),
        ("x = { a = [ } }\n", 1, brace),
        ("\u{FEFF}[\u{FFFD}n\n", 1, header),  // after a byte-order mark, which the parser skips
    ]

    @Test(arguments: aborting)
    func abortingMistakeIsAnErrorWithItsLine(_ bad: (text: String, line: Int, message: String)) {
        #expect {
            try TOMLSection.parse(bad.text, file: "rc.toml")
        } throws: { error in
            (error as? ConfigError) == ConfigError(file: "rc.toml", line: bad.line, message: bad.message)
        }
    }

    @Test func bracketsInStringsCommentsAndValuesAreAccepted() throws {
        let root = try TOMLSection.parse(
            """
            nested = [ # ]}
              { b = [ 1, { c = "}" } ] },
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
