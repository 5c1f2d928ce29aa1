import Testing

@testable import Console

/// What the copy keys put on the clipboard for names a registry chose.
struct PullCommandTests {
    static let digestHex = String(repeating: "a", count: 64)

    @Test(arguments: [
        ("h:5000/ok/app:1.0", "docker pull h:5000/ok/app:1.0"),
        ("h/ok/app@sha256:" + digestHex, "docker pull h/ok/app@sha256:" + digestHex),
        ("h/ok/app:$(touch$IFS~/pwned)", "docker pull 'h/ok/app:$(touch$IFS~/pwned)'"),
        ("h/ok/app:it's", #"docker pull 'h/ok/app:it'\''s'"#),
        ("h/ok/app:a b;rm -rf ~", "docker pull 'h/ok/app:a b;rm -rf ~'"),
        ("h/ok/app:`id`", "docker pull 'h/ok/app:`id`'"),
        ("h/ok/app:中文", "docker pull 'h/ok/app:中文'"),
        ("h/ok/app:a/../../x", "docker pull h/ok/app:a/../../x"),
    ])
    func referencesAreQuotedForPOSIXShells(reference: String, expected: String) {
        #expect(PullCommand.text(for: reference) == expected)
    }

    @Test(arguments: ["h/ok/app:esc\u{1B}[2J", "h/ok/app:rlo\u{202E}abc", "h/ok/app:csi\u{9B}2J", "h/ok/app:a\nb"])
    func referencesWithControlCharactersAreNotCopied(reference: String) {
        #expect(PullCommand.text(for: reference) == nil)
    }

    @Test func theQuotedCommandReachesTheClipboardAsIs() throws {
        let command = try #require(PullCommand.text(for: "h/ok/app:$(touch$IFS~/pwned)"))
        // base64 of: docker pull 'h/ok/app:$(touch$IFS~/pwned)'
        let base64 = "ZG9ja2VyIHB1bGwgJ2gvb2svYXBwOiQodG91Y2gkSUZTfi9wd25lZCkn"
        #expect(Clipboard.sequence(for: command, environment: [:]) == "\u{1B}]52;c;" + base64 + "\u{07}")
    }
}
