import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// `:` commands from any pane, filters that anchor to a row's name, keys typed while a pane opens,
/// the flash line, and panes that follow a change made elsewhere — against the pristine registry,
/// where `ns/app` holds `1.0.0`, `1.2.0`, `1.10.0-rc1`, `1.10.0`, `latest` (= `1.10.0`) and `multi`.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct NavigationAndChangeTests {
    private func console(size: Size = Size(rows: 24, columns: 120)) async throws -> ConsoleDriver {
        let driver = try await ConsoleDriver(language: .english, size: size)
        await driver.start()
        return driver
    }

    /// The names in the TAG column, top to bottom.
    private func tagNames(_ driver: ConsoleDriver) -> [String] {
        driver.surface.lines.dropFirst(3).dropLast(2).compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func commandsTakeCLIReferencesFromTheInstancesPane() async throws {
        let driver = try await console()
        #expect(driver.screen.contains("instances [1]"))
        await driver.command("tags local/ns/app")
        #expect(driver.screen.contains("tags · ns/app [6]"))
        #expect(driver.screen.contains("regconsole  instances   local   ns   ns/app"))

        await driver.command("repos local/ns")
        #expect(driver.screen.contains("repositories · local/ns"))
        await driver.command("ns local")
        #expect(driver.screen.contains("namespaces · local"))
        await driver.command("tags ns/web")
        #expect(driver.screen.contains("tags · ns/web"), "relative to the current instance")
    }

    @Test func aCommandThatCannotRunSaysWhy() async throws {
        let driver = try await console()
        await driver.command("ctx nowhere")
        #expect(driver.screen.contains("No instance named 'nowhere' · instances: local"))
        await driver.command("tags")
        #expect(driver.screen.contains("Usage: :tags [INSTANCE/]NAMESPACE/REPOSITORY"))
        await driver.command("tags local/ns/missing")
        #expect(driver.screen.contains("tags · ns/missing"))
        #expect(driver.screen.contains("ns/missing"), "the error names the repository")
        #expect(driver.screen.contains("Could not load"))
    }

    @Test func historyAndCompletionWorkInThePrompt() async throws {
        let driver = try await console()
        await driver.command("tags local/ns/app")
        driver.app.handle(.character(":"))
        for character in "tags ns/we" { driver.app.handle(.character(character)) }
        await driver.settle()
        #expect(
            driver.surface.lines[22].hasPrefix(":tags ns/web"),
            "the suggestion completes a repository of the current instance")
        driver.app.handle(.tab)
        driver.app.handle(.enter)
        await driver.settle()
        #expect(driver.screen.contains("tags · ns/web"))

        driver.app.handle(.character(":"))
        driver.app.handle(.up)
        await driver.settle()
        #expect(driver.surface.lines[22].hasPrefix(":tags ns/web"))
        driver.app.handle(.up)
        await driver.settle()
        #expect(driver.surface.lines[22].hasPrefix(":tags local/ns/app"))
        driver.app.handle(.escape)

        let saved = try String(
            contentsOf: XDGDirectories(environment: ["HOME": driver.home.path]).state.appendingPathComponent(
                "command-history"), encoding: .utf8)
        #expect(saved == "tags local/ns/app\ntags ns/web\n")
    }

    @Test func regexFiltersAnchorToTheTagName() async throws {
        let driver = try await console()
        await driver.command("tags local/ns/app")
        for (filter, expected) in [
            ("re:^latest$", ["latest"]), ("re:^latest", ["latest"]), ("re:0$", ["1.0.0", "1.10.0", "1.2.0"]),
            ("~110", ["1.10.0", "1.10.0-rc1"]),
        ] {
            try driver.app.top?.setFilter(filter)
            await driver.settle()
            #expect(tagNames(driver).sorted() == expected, "\(filter)")
        }
    }

    @Test func escClearsAnAppliedFilterBeforeGoingBack() async throws {
        let driver = try await console()
        await driver.command("tags local/ns/app")
        await driver.press(.character("/"))
        for character in "multi" { driver.app.handle(.character(character)) }
        await driver.press(.enter)
        #expect(driver.screen.contains("[1 of 6]"))
        await driver.press(.escape)
        #expect(driver.screen.contains("tags · ns/app [6]"))
        await driver.press(.escape)
        #expect(driver.screen.contains("repositories · local/ns"))
    }

    @Test func keysTypedWhileAPaneOpensReachIt() async throws {
        let driver = try await console()
        await driver.command("tags local/ns/app")
        driver.app.handle(.character("L"))
        driver.app.handle(.character("n"))
        await driver.settle()
        #expect(
            driver.screen.contains("rule rule-1 · local · repository ns/app"),
            "the `n` typed before the rules pane was ready opened a new rule")
    }

    @Test func theFlashSaysTheSortAndGoesWithTheNextAction() async throws {
        let driver = try await console()
        await driver.command("tags local/ns/app")
        await driver.press(.character("V"))
        #expect(driver.screen.contains("Sorted by VERSION"))
        #expect(!driver.screen.contains("sort by version"))
        await driver.press(.enter)
        #expect(driver.screen.contains("artifact · ns/app:"))
        #expect(!driver.screen.contains("Sorted by"))
    }

    @Test func oldTagsShowTheirDateAndHelpListsEveryPaneKey() async throws {
        let driver = try await console(size: Size(rows: 48, columns: 160))
        await driver.command("tags local/ns/app")
        let row = try #require(driver.surface.lines.first { $0.hasPrefix("  1.0.0 ") })
        #expect(row.contains("2024-01-01"))
        await driver.press(.character("?"))
        #expect(driver.screen.contains("ctrl-\\"))
        #expect(driver.screen.contains("clear marks"))
    }

    @Test func suppressingAFindingUpdatesTheOverviewBehindIt() async throws {
        let driver = try await console(size: Size(rows: 24, columns: 140))
        await driver.command("vulns local")
        let before = try #require(driver.surface.lines.first { $0.hasPrefix("  ns/web ") })
        #expect(before.contains("C2 M1 L2"))
        await driver.press(.character("g"), .character("v"))
        #expect(driver.screen.contains("findings · ns/web:stable"))
        await driver.press(.character("g"), .character("x"))
        #expect(driver.screen.contains("next field"), "the form's footer says how to move between fields")
        await driver.press(.down, .down, .down)
        for key in "not reachable" { driver.app.handle(.character(key)) }
        await driver.press(.enter)
        await driver.press(.escape)
        #expect(driver.screen.contains("vulnerabilities · local/*"))
        let after = try #require(driver.surface.lines.first { $0.hasPrefix("  ns/web ") })
        #expect(after.contains("C1 M1 L2"), "the suppressed critical is no longer counted")
    }

    @Test func theRuleEditorShowsNoPlanForAnInvalidRule() async throws {
        let driver = try await ConsoleDriver(language: .english, size: Size(rows: 24, columns: 120))
        await driver.editNewRule(in: "local/ns/app", keep: "")
        await driver.settle()
        #expect(driver.screen.contains("a rule must keep something"))
        #expect(!driver.screen.contains("delete "), "no plan is previewed from an invalid rule")
        for character in "2" { driver.app.handle(.character(character)) }
        await driver.settle()
        #expect(driver.screen.contains("delete 3 of 7 tags (3 manifests)"))
    }
}
