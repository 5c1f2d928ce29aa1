import TerminalUI
import Testing

@Suite struct TextTests {
    init() { TerminalLocale.configure() }

    @Test(arguments: [("镜像仓库 registry", 17), ("ｆｕｌｌｗｉｄｔｈ", 18), ("café ✓ ok", 9), ("e\u{301}", 1), ("", 0)])
    func displayWidthCountsColumns(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncationCutsByColumnsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("镜像仓库镜像", to: 7) == "镜像仓…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("镜像仓库镜像", to: 7)) == 7)
        #expect(DisplayWidth.truncate("registry", to: 8) == "registry")
        #expect(DisplayWidth.truncate("registry", to: 5) == "regi…")
        #expect(DisplayWidth.fit("镜像", to: 6) == "镜像  ")
        #expect(DisplayWidth.fit("42", to: 5, alignRight: true) == "   42")
    }

    @Test func sanitizerNeutralizesEscapesControlsAndBidi() {
        #expect(Sanitizer.clean("\u{1B}[31mred\u{1B}[0m") == "␛[31mred␛[0m")
        #expect(Sanitizer.clean("a\tb\nc\r") == "a b␤c␤")
        #expect(Sanitizer.clean("\u{9B}2J") == "\u{FFFD}2J")
        #expect(Sanitizer.clean("abc\u{202E}fed") == "abc\u{FFFD}fed")
        #expect(Sanitizer.clean("\u{07}bell\u{7F}") == "␇bell␡")
        #expect(Sanitizer.clean("镜像 ok") == "镜像 ok")
    }

    @Test func byteCountsUseBinaryUnits() {
        #expect(ByteCount.format(538) == "538 B")
        #expect(ByteCount.format(1536) == "1.5 KiB")
        #expect(ByteCount.format(12 << 20) == "12.0 MiB")
        #expect(ByteCount.format(5 << 30) == "5.0 GiB")
    }
}
