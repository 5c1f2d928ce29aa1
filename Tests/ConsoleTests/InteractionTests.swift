import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// Keys and the mouse against the console headless, on the pristine registry.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct InteractionTests {
    private func tagsPane(readOnly: Bool = false) async throws -> ConsoleDriver {
        let driver = try await ConsoleDriver(language: .english, size: Size(rows: 16, columns: 100), readOnly: readOnly)
        await driver.start()
        await driver.press(.enter)
        await driver.command("tags bulk/many")
        return driver
    }

    @Test func clickSelectsARowAndTheWheelScrolls() async throws {
        let driver = try await tagsPane()
        await driver.press(.mouse(MouseEvent(kind: .click, point: Point(row: 7, column: 10))))
        #expect(driver.selectedLine?.hasPrefix("  t0005") == true)
        await driver.press(.mouse(MouseEvent(kind: .wheelDown, point: Point(row: 7, column: 10))))
        #expect(driver.surface.lines[3].hasPrefix("  t0004"))
        #expect(driver.selectedLine?.hasPrefix("  t0005") == true)
    }

    @Test func filterSortAndMarksWorkTogether() async throws {
        let driver = try await tagsPane()
        for key in "/re:t001[0-3]" { driver.app.handle(.character(key)) }
        await driver.press(.enter)
        #expect(driver.screen.contains("[4 of 20]"))
        await driver.press(.character("A"))
        #expect(driver.surface.lines[3].hasPrefix("  t0013"))
        #expect(
            driver.selectedLine?.hasPrefix("  t0010") == true, "the selection follows t0010 through filter and sort")
        await driver.press(.character("g"), .character(" "), .character(" "))
        #expect(driver.surface.lines[3].hasPrefix("● t0013"))
        #expect(driver.surface.lines[4].hasPrefix("● t0012"))
        await driver.press(.character("/"), .escape)
        #expect(driver.screen.contains("[20]"))
        await driver.press(.character("/"))
        for key in "!t00" { driver.app.handle(.character(key)) }
        await driver.settle()
        #expect(driver.screen.contains("[0 of 20]"))
    }

    @Test func readOnlyHidesAndRefusesDelete() async throws {
        let driver = try await tagsPane(readOnly: true)
        #expect(!driver.screen.contains("<ctrl-d>"))
        await driver.press(.control("d"))
        #expect(driver.screen.contains("local is read-only: deleting is off"))
        #expect(!driver.screen.contains("Delete from"))
    }

    @Test func copyWritesOSC52WithThePullCommand() async throws {
        let driver = try await tagsPane()
        await driver.press(.character("y"), .character("Y"))
        let host = driver.state.anonymous.host
        let digest = try #require(driver.state.seed.repositories["bulk/many"]?["t0001"]?.digest)
        // OSC 52 written out here, not by the code under test: ESC ] 52 ; c ; base64 BEL.
        let osc52 = { (text: String) in "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}" }
        #expect(
            driver.copied == [
                osc52("docker pull \(host)/bulk/many:t0001"), osc52("docker pull \(host)/bulk/many@\(digest)"),
            ])
    }

    @Test func unknownCommandsAndBadFiltersSayWhatIsWrong() async throws {
        let driver = try await tagsPane()
        await driver.command("frobnicate")
        #expect(driver.screen.contains("Unknown command 'frobnicate'"))
        await driver.press(.character("/"), .character("r"), .character("e"), .character(":"), .character("("))
        #expect(driver.screen.contains("invalid regex '('"))
    }
}
