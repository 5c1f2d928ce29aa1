import Foundation
import Testing

@testable import RegistryClient

/// Number-paged listings (both ACR editions): order, the total's shortcut, and the page cap that
/// stops a server which never ends its list.
struct NumberedPagesTests {
    /// Which pages were asked for.
    private actor Asked {
        var numbers: [Int] = []
        func add(_ number: Int) { numbers.append(number) }
    }

    private struct TooMany: Error {}

    private static func items(
        _ count: Int, total: Int?, pageSize: Int, maxPages: Int, asked: Asked
    ) async throws -> [Int] {
        try await NumberedPages.stream(
            pageSize: pageSize, concurrency: 3, maxPages: maxPages, tooMany: { TooMany() }
        ) { number in
            await asked.add(number)
            let start = (number - 1) * pageSize
            let items = Array(start..<min(start + pageSize, count))
            return NumberedPages.Page(items: items, total: total)
        }.collect()
    }

    @Test func aTotalFetchesTheRestInParallelYetYieldsInOrder() async throws {
        let asked = Asked()
        let items = try await Self.items(1_050, total: 1_050, pageSize: 100, maxPages: 50, asked: asked)
        #expect(items == Array(0..<1_050))
        #expect(await asked.numbers.sorted() == Array(1...11))
    }

    @Test func withoutATotalPagesFollowUntilAShortOne() async throws {
        let asked = Asked()
        let items = try await Self.items(250, total: nil, pageSize: 100, maxPages: 50, asked: asked)
        #expect(items == Array(0..<250))
        #expect(await asked.numbers == [1, 2, 3])
    }

    @Test func aServerThatNeverEndsItsListIsStoppedAtTheCap() async throws {
        let asked = Asked()
        await #expect(throws: TooMany.self) {
            _ = try await Self.items(.max / 2, total: nil, pageSize: 10, maxPages: 5, asked: asked)
        }
        #expect(await asked.numbers == [1, 2, 3, 4, 5])
    }

    @Test func aTotalPastTheCapIsRefusedBeforeFetchingMore() async throws {
        let asked = Asked()
        await #expect(throws: TooMany.self) {
            _ = try await Self.items(1_000, total: 10_000_000, pageSize: 100, maxPages: 1_000, asked: asked)
        }
        #expect(await asked.numbers == [1])
    }
}
