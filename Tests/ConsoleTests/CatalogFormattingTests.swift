import Foundation
import RegistryClient
import TerminalUI
import Testing

@testable import Console

/// Counted nouns, relative times, sort labels and the empty-config hint in both languages.
struct CatalogFormattingTests {
    private let english = Catalog(.english)
    private let chinese = Catalog(.simplifiedChinese)

    @Test(arguments: [
        (0, "Deleted 0 manifests", "已删除 0 个清单"), (1, "Deleted 1 manifest", "已删除 1 个清单"),
        (2, "Deleted 2 manifests", "已删除 2 个清单"),
    ])
    func countedNounsAgree(count: Int, inEnglish: String, inChinese: String) {
        #expect(english[.deleteDone, count] == inEnglish)
        #expect(chinese[.deleteDone, count] == inChinese)
    }

    @Test func sentencesWithTwoCountsPickEachForm() {
        #expect(
            english[.applyBody, 1, 2, 0, "1 KiB"]
                == "delete 1 tag (2 manifests), keep 0; frees 1 KiB once the registry collects garbage")
        #expect(
            english[.applyBody, 0, 1, 2, "1 KiB"]
                == "delete 0 tags (1 manifest), keep 2; frees 1 KiB once the registry collects garbage")
        #expect(chinese[.applyBody, 1, 2, 0, "1 KiB"] == "删除 1 个标签（2 个清单），保留 0；镜像仓库回收垃圾后释放 1 KiB")
        #expect(english[.previewTotals, 1, 1, 1, 0, "2 B"] == "delete 1 of 1 tag (1 manifest) · keep 0 · frees 2 B")
        #expect(english[.previewTotals, 0, 2, 0, 2, "0 B"] == "delete 0 of 2 tags (0 manifests) · keep 2 · frees 0 B")
        #expect(chinese[.previewTotals, 1, 1, 1, 0, "2 B"] == "删除 1 个标签中的 1 个（1 个清单）· 保留 0 · 释放 2 B")
        #expect(
            english[.resumeBody, "3d ago", 1, 1]
                == "started 3d ago: 1 of 1 manifest done; only the rest of its list is deleted")
        #expect(english[.applyConfirm, 1] == "Delete 1 manifest")
        #expect(english[.findingsCounter, 1] == "1 finding")
        #expect(chinese[.findingsCounter, 2] == "2 个漏洞")
    }

    @Test func lifecycleReasonsCountDays() {
        #expect(english.describe(.pushedWithin(days: 1)) == "kept: pushed within 1 day")
        #expect(english.describe(.pushedWithin(days: 2)) == "kept: pushed within 2 days")
        #expect(english.describe(.notKept(count: nil, pattern: nil, days: 1)) == "deleted: pushed more than 1 day ago")
        #expect(chinese.describe(.notKept(count: nil, pattern: nil, days: 1)) == "删除：推送已超过 1 天")
    }

    @Test(arguments: Language.allCases)
    func everyPluralFormIsWellFormed(language: Language) {
        let catalog = Catalog(language)
        for message in Message.allCases {
            for count in [0, 1, 2] {
                let text = catalog[message, count, count, count, count, count]
                #expect(!text.contains("|"), "\(message) in \(language)")
            }
        }
    }

    @Test func nonCountArgumentsTakeTheOtherForm() {
        #expect(english[.deleteDone, "1"] == "Deleted 1 manifests")
    }

    private let now = Date(timeIntervalSince1970: 1_796_558_400)  // 2026-12-06T12:00:00Z

    @Test func recentTimesAreRelative() {
        #expect(english.relativeTime(nil, now: now) == "-")
        #expect(english.relativeTime(now.addingTimeInterval(30), now: now) == "just now")
        #expect(english.relativeTime(now.addingTimeInterval(-30), now: now) == "just now")
        #expect(chinese.relativeTime(now.addingTimeInterval(-30), now: now) == "刚刚")
        #expect(english.relativeTime(now.addingTimeInterval(-5 * 60), now: now) == "5m ago")
        #expect(english.relativeTime(now.addingTimeInterval(-3 * 3600), now: now) == "3h ago")
        #expect(english.relativeTime(now.addingTimeInterval(-3 * 86400), now: now) == "3d ago")
        #expect(chinese.relativeTime(now.addingTimeInterval(-3 * 86400), now: now) == "3 天前")
        #expect(english.relativeTime(now.addingTimeInterval(-30 * 86400), now: now) == "30d ago")
    }

    @Test func datesOlderThanAMonthShowTheDay() {
        let march = Date(timeIntervalSince1970: 1_709_632_800)  // 2024-03-05T10:00:00Z
        #expect(english.relativeTime(march, now: now) == "2024-03-05")
        #expect(chinese.relativeTime(march, now: now) == "2024-03-05")
        #expect(english.relativeTime(now.addingTimeInterval(-32 * 86400), now: now) == "2026-11-04")
        let newer = english.relativeTime(now.addingTimeInterval(-40 * 86400), now: now)
        let older = english.relativeTime(now.addingTimeInterval(-400 * 86400), now: now)
        #expect(newer > older)
    }

    @Test func sortAndEmptyTexts() {
        #expect(english[.sortedBy, english[.sortLabelVersion]] == "Sorted by VERSION")
        #expect(chinese[.sortedBy, chinese[.sortLabelVersion]] == "已按版本排序")
        let path = "/home/someone/.config/regconsole/config.toml"
        for catalog in [english, chinese] {
            let lines = catalog[.emptyInstances, path].split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines[1] == path)
            #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 50 }, "\(lines)")
        }
    }
}
