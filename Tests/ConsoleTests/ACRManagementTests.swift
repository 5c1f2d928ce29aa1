import Foundation
import RegistryClient
import TerminalUI
import TestSupport
import Testing

@testable import Console

/// Creating, editing and deleting ACR namespaces and repositories from the panes, against the ACR
/// emulator. Tests that change the model start their own emulator.
@Suite(.enabled(if: RegistryHarness.isEnabled), .serialized)
@MainActor
struct ACRManagementTests {
    private static let size = Size(rows: 30, columns: 140)

    /// A console with the emulator's instances as `acr.emulator-main` and `acr.emulator-empty`.
    private func driver(
        _ emulator: ACREmulator, language: Language = .english, size: Size = size, readOnly: Bool = false
    ) async throws -> ConsoleDriver {
        try await ConsoleDriver(
            language: language, size: size, readOnly: readOnly, shared: true,
            config: """
                [[instances]]
                name = "acr"
                kind = "acr"
                region = "\(emulator.region)"
                endpoint = "\(emulator.url)"
                """, environment: emulator.environment(emulator.key))
    }

    private func type(_ driver: ConsoleDriver, _ text: String) async {
        for character in text { driver.app.handle(.character(character)) }
        await driver.settle()
    }

    /// The table line holding `text`.
    private func line(_ driver: ConsoleDriver, containing text: String) -> String? {
        driver.surface.lines.first { $0.contains(text) }
    }

    /// The table row of `name`.
    private func row(_ driver: ConsoleDriver, _ name: String) -> String? {
        driver.surface.lines.first { $0.hasPrefix("  \(name) ") }
    }

    /// How many terminal columns come before `text` in `line`.
    private func column(of text: String, in line: String?) -> Int? {
        guard let line, let range = line.range(of: text) else { return nil }
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }

    private func namespaces(_ driver: ConsoleDriver, _ instance: String) async throws -> [String: Namespace] {
        let provider = try await driver.app.session.provider(for: instance)
        return Dictionary(uniqueKeysWithValues: try await provider.namespaces().collect().map { ($0.name, $0) })
    }

    private func repositories(
        _ driver: ConsoleDriver, _ instance: String, namespace: String
    ) async throws -> [String: Repository] {
        let provider = try await driver.app.session.provider(for: instance)
        return Dictionary(
            uniqueKeysWithValues: try await provider.repositories(namespace: namespace).collect().map { ($0.name, $0) })
    }

    @Test func namespaceIsCreatedEditedAndDeletedFromThePane() async throws {
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let driver = try await driver(emulator)
        await driver.start(instance: "acr.emulator-empty")
        #expect(driver.screen.contains("<n> new  <e> edit  <ctrl-d> delete"), "\(driver.screen)")

        await driver.press(.character("n"))
        #expect(driver.screen.contains("New namespace"))
        #expect(driver.screen.contains("required"))
        await type(driver, "-team")
        #expect(driver.screen.contains("2–120 of a-z 0-9 _ - .; no separator at the ends"))
        await driver.press(.enter)
        #expect(driver.screen.contains("New namespace"), "an invalid name is not saved")
        for _ in 0..<5 { driver.app.handle(.backspace) }
        await type(driver, "team-a")
        await driver.press(.tab, .right, .tab, .character(" "), .enter)
        #expect(driver.screen.contains("Created namespace team-a"), "\(driver.screen)")
        let created = try #require(row(driver, "team-a"))
        #expect(created.contains("public") && created.hasSuffix("no"), "\(created)")
        var listed = try await namespaces(driver, "acr.emulator-empty")
        #expect(listed["team-a"]?.visibility == .public)
        #expect(listed["team-a"]?.autoCreateRepositories == false)

        await driver.press(.character("e"))
        #expect(driver.screen.contains("Edit namespace team-a"))
        await driver.press(.right, .enter)
        #expect(row(driver, "team-a")?.contains("private") == true, "\(driver.screen)")
        listed = try await namespaces(driver, "acr.emulator-empty")
        #expect(listed["team-a"]?.visibility == .private)

        await driver.press(.control("d"))
        #expect(driver.screen.contains("Every repository in namespace team-a on acr.emulator-empty is deleted"))
        #expect(driver.screen.contains("Type 'team-a' to confirm"))
        await type(driver, "team-b")
        await driver.press(.enter)
        #expect(driver.screen.contains("Delete namespace team-a"), "a wrong name does not confirm")
        await driver.press(.escape)
        #expect(try await namespaces(driver, "acr.emulator-empty")["team-a"] != nil, "nothing was deleted")
        #expect(row(driver, "team-a") != nil)

        await driver.press(.control("d"))
        await type(driver, "team-a")
        await driver.press(.enter)
        #expect(driver.screen.contains("Deleted namespace team-a"), "\(driver.screen)")
        #expect(row(driver, "team-a") == nil)
        #expect(try await namespaces(driver, "acr.emulator-empty")["team-a"] == nil)

        let audit = AuditLog(directories: driver.app.directories).entries().filter { $0.action.hasPrefix("namespace-") }
        #expect(
            audit.map { "\($0.action) \($0.phase)" } == [
                "namespace-create intent", "namespace-create done", "namespace-update intent", "namespace-update done",
                "namespace-delete intent", "namespace-delete done",
            ])
        #expect(audit.allSatisfy { $0.instance == "acr.emulator-empty" && $0.detail?.hasPrefix("team-a") == true })
    }

    @Test(arguments: PaneSnapshotTests.languages)
    func repositoryWithAChineseSummaryIsCreatedEditedAndDeleted(language: Language) async throws {
        let english = language == .english
        let emulator = try await ACREmulator.start(registry: RegistryHarness.shared().basic)
        defer { emulator.stop() }
        let size = Size(rows: 24, columns: 80)
        let driver = try await driver(emulator, language: language, size: size)
        await driver.start(instance: "acr.emulator-main")
        await driver.command("ns ns")

        await driver.press(.character("n"))
        #expect(driver.screen.contains(english ? "New repository" : "新建仓库"))
        #expect(
            line(driver, containing: english ? "Namespace" : "命名空间")?.contains(" ns") == true,
            "the pane's namespace is filled in")
        await driver.press(.tab)
        await type(driver, "payments")
        await driver.press(.enter)
        #expect(driver.screen.contains(english ? "required" : "必填"), "ACR requires a summary")
        await driver.press(.tab)
        await type(driver, "支付服务")
        await driver.press(.tab, .right, .tab, .character(" "), .enter)
        #expect(
            driver.screen.contains(english ? "Created repository ns/payments" : "已创建仓库 ns/payments"), "\(driver.screen)"
        )

        let created = try #require(try await repositories(driver, "acr.emulator-main", namespace: "ns")["ns/payments"])
        #expect(created.summary == "支付服务")
        #expect(created.visibility == .public)
        #expect(created.tagImmutability == true)

        let header = line(driver, containing: english ? "SUMMARY" : "摘要")
        let payments = row(driver, "ns/payments")
        let app = row(driver, "ns/app")
        let summaryColumn = column(of: english ? "SUMMARY" : "摘要", in: header)
        let visibilityColumn = column(of: english ? "VISIBILITY" : "可见性", in: header)
        #expect(summaryColumn != nil && column(of: "支付服务", in: payments) == summaryColumn, "\(driver.screen)")
        #expect(column(of: "应用服务镜像", in: app) == summaryColumn)
        #expect(visibilityColumn != nil && column(of: english ? "public" : "公开", in: payments) == visibilityColumn)
        #expect(column(of: english ? "private" : "私有", in: app) == visibilityColumn)
        #expect(driver.surface.lines.allSatisfy { DisplayWidth.of($0) <= size.columns })

        driver.app.handle(.character("/"))
        await type(driver, "payments")
        await driver.press(.enter, .character("e"))
        #expect(driver.screen.contains(english ? "Edit repository ns/payments" : "编辑仓库 ns/payments"))
        for _ in 0..<4 { driver.app.handle(.backspace) }
        await type(driver, "支付网关")
        await driver.press(.tab, .left, .enter)
        #expect(row(driver, "ns/payments")?.contains("支付网关") == true, "\(driver.screen)")
        #expect(row(driver, "ns/payments")?.contains(english ? "private" : "私有") == true)
        let edited = try await repositories(driver, "acr.emulator-main", namespace: "ns")["ns/payments"]
        #expect(edited?.summary == "支付网关")
        #expect(edited?.tagImmutability == true, "unchanged fields are kept")

        await driver.press(.control("d"))
        #expect(driver.screen.contains(english ? "Every tag in repository ns/payments" : "上仓库 ns/payments"))
        await type(driver, "ns/payments")
        await driver.press(.enter)
        #expect(
            driver.screen.contains(english ? "Deleted repository ns/payments" : "已删除仓库 ns/payments"), "\(driver.screen)"
        )
        #expect(row(driver, "ns/payments") == nil)
        #expect(try await repositories(driver, "acr.emulator-main", namespace: "ns")["ns/payments"] == nil)
        let audit = AuditLog(directories: driver.app.directories).entries().filter {
            $0.action.hasPrefix("repository-")
        }
        #expect(
            audit.map(\.action) == [
                "repository-create", "repository-create", "repository-update", "repository-update", "repository-delete",
                "repository-delete",
            ])
        #expect(audit.allSatisfy { $0.repository == "ns/payments" })
    }

    @Test func readOnlyInstancesOfferNoChanges() async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator, readOnly: true)
        await driver.start(instance: "acr.emulator-main")
        #expect(driver.screen.contains("VISIBILITY"), "the settings are still shown")
        for pane in ["namespaces", "repositories"] {
            if pane == "repositories" { await driver.command("ns ns") }
            #expect(
                !driver.screen.contains("<n>") && !driver.screen.contains("<e>") && !driver.screen.contains("<ctrl-d>"),
                "\(pane): \(driver.screen)")
            await driver.press(.character("n"))
            #expect(driver.screen.contains("acr.emulator-main is read-only: creating, editing and deleting are off"))
            #expect(!driver.screen.contains("New namespace") && !driver.screen.contains("New repository"))
            await driver.press(.control("d"))
            #expect(!driver.screen.contains("Type '"))
        }
    }

    @Test func distributionNamespacesLookAsBefore() async throws {
        let emulator = try await ACREmulator.shared()
        let driver = try await driver(emulator)
        await driver.start(instance: "local")
        #expect(driver.screen.contains("NAMESPACE"))
        #expect(!driver.screen.contains("VISIBILITY") && !driver.screen.contains("AUTO-CREATE"))
        #expect(!driver.screen.contains("<n>"))
        await driver.press(.character("n"))
        #expect(!driver.screen.contains("New namespace"))
    }
}
